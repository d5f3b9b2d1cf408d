/**
 * How the workbench writes files: {@link org.contextencoder.io.AtomicFiles}, atomic and readable by others, for
 * text, models, pictures, charts and tables; every package that writes a file writes it through this one. May use
 * no other workbench package.
 */
package org.contextencoder.io;
