package org.contextencoder.eval;

import org.contextencoder.mask.Mask;

import java.util.Arrays;

/** Baseline: every hole pixel gets the training set's mean colour. */
public final class TrainMeanFill implements Inpainter {

    private final float[] colour;

    public TrainMeanFill(float[] colour) {
        this.colour = colour.clone();
    }

    @Override
    public String name() {
        return "train-mean";
    }

    @Override
    public float[] predictHoles(float[] images, int[] indices, int from, int n, Mask mask) {
        int plane = mask.holeSize() * mask.holeSize();
        float[] patches = new float[n * Mask.CHANNELS * plane];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < Mask.CHANNELS; c++) {
                int off = (i * Mask.CHANNELS + c) * plane;
                Arrays.fill(patches, off, off + plane, colour[c]);
            }
        }
        return patches;
    }
}
