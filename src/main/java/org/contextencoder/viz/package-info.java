/**
 * Pictures, charts and tables of results: image and inpainting grids, loss curves (XChart), result and heat-map
 * tables (Tablesaw, HTML). It draws what other packages computed, and neither scores nor writes files. May use
 * {@code data}, {@code eval}, {@code mask}, {@code train}.
 */
package org.contextencoder.viz;
