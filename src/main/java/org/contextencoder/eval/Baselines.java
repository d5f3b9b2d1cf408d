package org.contextencoder.eval;

import java.util.List;

/** The three fills every result table shows beside the model, from the simplest to the strongest. */
public final class Baselines {

    private Baselines() {
    }

    /** Training-mean colour, ring mean, harmonic fill. */
    public static List<Inpainter> all(float[] trainingMeanColour) {
        return List.of(new TrainMeanFill(trainingMeanColour), new RingMeanFill(), new HarmonicFill());
    }
}
