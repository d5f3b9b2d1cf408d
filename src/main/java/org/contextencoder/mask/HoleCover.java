package org.contextencoder.mask;

import java.util.Arrays;

/**
 * What paints over the holes of a model's input, fixed when the model is made and kept with it, so that
 * training, evaluation and repair all show the model the same kind of hole.
 */
public sealed interface HoleCover {

    /** Paints the holes of {@code n} images in place (batch conventions as in {@link Mask}). */
    void apply(float[] batch, int[] indices, int from, int n, Mask mask);

    /** How a model file records this cover: a colour as "r,g,b", the harmonic fill as "harmonic". */
    String describe();

    /** Reads what {@link #describe()} wrote. */
    static HoleCover parse(String text) {
        if (text.trim().equals(Harmonic.NAME)) return new Harmonic();
        String[] parts = text.split(",");
        if (parts.length != Mask.CHANNELS) {
            throw new IllegalArgumentException("a hole cover is 'harmonic' or 3 comma-separated channel values, got '"
                    + text + "'");
        }
        float[] colour = new float[Mask.CHANNELS];
        for (int c = 0; c < colour.length; c++) colour[c] = Float.parseFloat(parts[c].trim());
        return new Solid(colour);
    }

    /** One colour over the whole hole (per channel, in [0,1]). */
    record Solid(float[] colour) implements HoleCover {

        public Solid {
            if (colour.length != Mask.CHANNELS) throw new IllegalArgumentException("a fill colour has 3 channels");
            colour = colour.clone();
        }

        @Override
        public float[] colour() {
            return colour.clone();
        }

        @Override
        public void apply(float[] batch, int[] indices, int from, int n, Mask mask) {
            mask.cover(batch, indices, from, n, colour);
        }

        @Override
        public String describe() {
            return colour[0] + "," + colour[1] + "," + colour[2];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Solid s && Arrays.equals(colour, s.colour);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(colour);
        }

        @Override
        public String toString() {
            return "Solid[" + describe() + "]";
        }
    }

    /**
     * Each image's own harmonic fill ({@link HarmonicSurface}): the model starts from the smoothest surface that
     * meets the hole's border and learns what to add to it, instead of rebuilding the border's colours from a
     * flat patch.
     */
    record Harmonic() implements HoleCover {

        static final String NAME = "harmonic";

        @Override
        public void apply(float[] batch, int[] indices, int from, int n, Mask mask) {
            mask.paste(batch, indices, from, n, HarmonicSurface.patches(batch, indices, from, n, mask));
        }

        @Override
        public String describe() {
            return NAME;
        }
    }
}
