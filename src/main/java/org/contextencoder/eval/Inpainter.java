package org.contextencoder.eval;

import org.contextencoder.mask.Mask;

/**
 * Anything that fills holes: a trained model or a baseline. It is given the original images, which it must not
 * change, and may read only outside each image's hole ({@code EvaluatorTest} holds the baselines and both 32 px
 * architectures to that).
 */
public interface Inpainter {

    /** A short name for tables: {@code context-encoder}, {@code harmonic}, ... */
    String name();

    /**
     * Predicts the holes of {@code n} images ({@code images} is NCHW, 3 channels, batch slot {@code i} is dataset
     * image {@code indices[from + i]}); returns the patches, N x 3 x hole x hole.
     */
    float[] predictHoles(float[] images, int[] indices, int from, int n, Mask mask);
}
