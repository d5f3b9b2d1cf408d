package org.contextencoder.mask;

import org.contextencoder.data.ImageSet;

import java.util.Locale;

/**
 * What the hole is painted with before the image reaches the model. MEAN (the default) uses the training
 * set's mean colour, so the hole carries no information and no artificial black edge at its border; ZERO
 * (black) is what the Keras examples of this paper do.
 */
public enum HoleFill {
    MEAN, ZERO;

    public float[] colour(ImageSet training) {
        return this == ZERO ? new float[Mask.CHANNELS] : training.meanColour();
    }

    public static HoleFill parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown hole fill '" + name + "': use mean or zero");
        }
    }
}
