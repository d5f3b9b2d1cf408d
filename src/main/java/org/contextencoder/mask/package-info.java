/**
 * Where the hole is ({@link org.contextencoder.mask.Mask}: the paper's centre square, or a random one) and what
 * fills it with nothing learned ({@link org.contextencoder.mask.HoleFill}: a colour, the ring mean, the harmonic
 * fill), both in a model's input and as baselines. May use {@code data}.
 */
package org.contextencoder.mask;
