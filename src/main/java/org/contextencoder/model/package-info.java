/**
 * The networks ({@code ContextEncoder32}, {@code ContextEncoder128}, chosen by {@code Architecture}), their fast
 * channels-last execution, and a network with its hole and fill as an {@code InpaintingModel}, saved and loaded by
 * {@code ModelFile}. May use {@code backend}, {@code io}, {@code mask}.
 */
package org.contextencoder.model;
