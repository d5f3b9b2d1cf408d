package org.contextencoder.eval;

import org.contextencoder.mask.Mask;
import org.contextencoder.mask.RingMean;

/** Baseline: every hole pixel gets the mean colour of the one-pixel ring just outside that image's hole. */
public final class RingMeanFill implements Inpainter {

    @Override
    public String name() {
        return "ring-mean";
    }

    @Override
    public float[] predictHoles(float[] images, int[] indices, int from, int n, Mask mask) {
        return RingMean.patches(images, indices, from, n, mask);
    }
}
