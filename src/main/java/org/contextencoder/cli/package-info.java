/**
 * The command line ({@code java -jar workbench.jar train|evaluate|baselines|inpaint|bench}): options and one-sentence
 * errors; the packages it may use do the work, and none of them uses it. May use {@code bench}, {@code data},
 * {@code eval}, {@code experiment}, {@code io}, {@code mask}, {@code model}, {@code train}, {@code viz}.
 */
package org.contextencoder.cli;
