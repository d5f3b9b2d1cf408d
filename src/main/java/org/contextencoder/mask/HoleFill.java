package org.contextencoder.mask;

import org.contextencoder.data.ImageSet;

import java.util.Locale;

/**
 * What the hole is painted with before the image reaches the model. MEAN (the default) uses the training
 * set's mean colour, so the hole carries no information and no artificial black edge at its border; ZERO
 * (black) is what the Keras examples of this paper do; HARMONIC paints each hole with its own harmonic fill,
 * the smoothest surface meeting the hole's border, so the model only has to learn what that surface misses.
 */
public enum HoleFill {
    MEAN, ZERO, HARMONIC;

    /** The cover a model trained on {@code training} keeps for good. */
    public HoleCover cover(ImageSet training) {
        return switch (this) {
            case MEAN -> new HoleCover.Solid(training.meanColour());
            case ZERO -> new HoleCover.Solid(new float[Mask.CHANNELS]);
            case HARMONIC -> new HoleCover.Harmonic();
        };
    }

    public static HoleFill parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown hole fill '" + name + "': use mean, zero or harmonic");
        }
    }
}
