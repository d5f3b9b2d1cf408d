/**
 * How the workbench writes files: {@link org.contextencoder.io.AtomicFiles}, atomic and readable by others, for
 * text, models, pictures, charts and tables; every package that writes a file writes it through this one; and
 * {@link org.contextencoder.io.Names}, a choice's names in settings files and on the command line. May use no other
 * workbench package.
 */
package org.contextencoder.io;
