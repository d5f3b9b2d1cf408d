/**
 * The Java Jupyter kernel the notebooks run on (JShell, in-process): cells, magics, completion, interrupts, and the
 * workbench's results shown inline. May use {@code viz} (what it renders); no other package uses it.
 */
package org.contextencoder.kernel;
