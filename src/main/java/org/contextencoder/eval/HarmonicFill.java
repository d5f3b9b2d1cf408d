package org.contextencoder.eval;

import org.contextencoder.mask.HarmonicSurface;
import org.contextencoder.mask.Mask;

/** Baseline: the harmonic fill, the smoothest surface that meets the hole's border ({@link HarmonicSurface}). */
public final class HarmonicFill implements Inpainter {

    @Override
    public String name() {
        return "harmonic";
    }

    @Override
    public float[] predictHoles(float[] images, int[] indices, int from, int n, Mask mask) {
        return HarmonicSurface.patches(images, indices, from, n, mask);
    }
}
