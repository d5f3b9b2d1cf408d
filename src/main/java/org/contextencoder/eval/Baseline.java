package org.contextencoder.eval;

import org.contextencoder.mask.HoleFill;
import org.contextencoder.mask.Mask;

import java.util.List;

/**
 * A hole fill used as an inpainter: what a model must beat with nothing learned. {@code name} is its method name
 * in result tables ({@code metrics.csv} and the committed tables use these names).
 */
public record Baseline(String name, HoleFill fill) implements Inpainter {

    /** Every hole pixel gets the training set's mean colour. */
    public static Baseline trainMean(float[] trainingMeanColour) {
        return new Baseline("train-mean", new HoleFill.Solid(trainingMeanColour));
    }

    /** Every hole pixel gets the mean colour of the one-pixel ring just outside that image's hole. */
    public static Baseline ringMean() {
        return new Baseline("ring-mean", new HoleFill.RingMean());
    }

    /** The smoothest surface that meets the hole's border ({@link HoleFill.Harmonic}). */
    public static Baseline harmonic() {
        return new Baseline("harmonic", new HoleFill.Harmonic());
    }

    /** The three every result table shows beside the model, from the simplest to the strongest. */
    public static List<Inpainter> all(float[] trainingMeanColour) {
        return List.of(trainMean(trainingMeanColour), ringMean(), harmonic());
    }

    @Override
    public float[] predictHoles(float[] images, int[] indices, int from, int n, Mask mask) {
        return fill.patches(images, indices, from, n, mask);
    }
}
