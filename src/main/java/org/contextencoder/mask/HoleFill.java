package org.contextencoder.mask;

import org.contextencoder.data.ImageSet;

import java.util.Arrays;
import java.util.Locale;

/**
 * What fills a hole with nothing learned: a fixed colour, or a surface made from each image's own pixels around
 * its hole. One idea used in two places: it paints the hole of a model's input (fixed when the model is made and
 * kept in its file, so that training, evaluation and repair show the model the same kind of hole), and it is a
 * baseline the model must beat ({@code eval.Baseline}).
 */
public sealed interface HoleFill {

    /**
     * The fills of {@code n} images' holes, N x 3 x hole x hole (batch conventions as in {@link Mask}), read only
     * from outside each hole.
     */
    float[] patches(float[] images, int[] indices, int from, int n, Mask mask);

    /** Paints each image's hole with its fill, in place. */
    default void paint(float[] batch, int[] indices, int from, int n, Mask mask) {
        mask.paste(batch, indices, from, n, patches(batch, indices, from, n, mask));
    }

    /** How a model file records this fill: a colour as "r,g,b", the others by name ("harmonic", "ring-mean"). */
    String describe();

    /** Reads what {@link #describe()} wrote. */
    static HoleFill parse(String text) {
        String name = text.trim();
        if (name.equals(Harmonic.NAME)) return new Harmonic();
        if (name.equals(RingMean.NAME)) return new RingMean();
        String[] parts = text.split(",");
        if (parts.length != Mask.CHANNELS) {
            throw new IllegalArgumentException("a hole fill is 'harmonic', 'ring-mean' or 3 comma-separated channel"
                    + " values, got '" + text + "'");
        }
        float[] colour = new float[Mask.CHANNELS];
        for (int c = 0; c < colour.length; c++) colour[c] = Float.parseFloat(parts[c].trim());
        return new Solid(colour);
    }

    /**
     * The fill a user chooses for a model ({@code --fill mean|zero|harmonic}), before the training images it may
     * depend on are known. MEAN uses the training set's mean colour, so the hole carries no information and no
     * artificial black edge at its border; ZERO (black) is what the Keras examples of this paper do; HARMONIC
     * paints each hole with its own harmonic fill, so the model only has to learn what that surface misses.
     */
    enum Choice {
        MEAN, ZERO, HARMONIC;

        /** The fill a model trained on {@code training} keeps for good. */
        public HoleFill forTraining(ImageSet training) {
            return switch (this) {
                case MEAN -> new Solid(training.meanColour());
                case ZERO -> new Solid(new float[Mask.CHANNELS]);
                case HARMONIC -> new Harmonic();
            };
        }

        /** True if {@code fill} is what this choice makes, for whatever training images (a mean colour: not black). */
        public boolean made(HoleFill fill) {
            boolean black = fill.equals(new Solid(new float[Mask.CHANNELS]));
            return switch (this) {
                case MEAN -> fill instanceof Solid && !black;
                case ZERO -> black;
                case HARMONIC -> fill instanceof Harmonic;
            };
        }

        /** The name on the command line and in {@code config.properties}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Choice parse(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown hole fill '" + name + "': use mean, zero or harmonic");
            }
        }
    }

    /** One colour over the whole hole (per channel, in [0,1]), e.g. the training set's mean colour. */
    record Solid(float[] colour) implements HoleFill {

        public Solid {
            if (colour.length != Mask.CHANNELS) throw new IllegalArgumentException("a fill colour has 3 channels");
            colour = colour.clone();
        }

        @Override
        public float[] colour() {
            return colour.clone();
        }

        @Override
        public float[] patches(float[] images, int[] indices, int from, int n, Mask mask) {
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

    /** Every hole pixel gets the mean colour of the one-pixel ring just outside that image's hole. */
    record RingMean() implements HoleFill {

        static final String NAME = "ring-mean";

        @Override
        public float[] patches(float[] images, int[] indices, int from, int n, Mask mask) {
            int s = mask.imageSize();
            int m = mask.holeSize();
            float[] patches = new float[n * Mask.CHANNELS * m * m];
            for (int i = 0; i < n; i++) {
                Hole h = mask.hole(indices[from + i]);
                for (int c = 0; c < Mask.CHANNELS; c++) {
                    int plane = (i * Mask.CHANNELS + c) * s * s;
                    double sum = 0;
                    int count = 0;
                    for (int y = h.y() - 1; y <= h.y() + m; y++) {
                        for (int x = h.x() - 1; x <= h.x() + m; x++) {
                            boolean onRing = y == h.y() - 1 || y == h.y() + m || x == h.x() - 1 || x == h.x() + m;
                            if (onRing && y >= 0 && y < s && x >= 0 && x < s) {
                                sum += images[plane + y * s + x];
                                count++;
                            }
                        }
                    }
                    int off = (i * Mask.CHANNELS + c) * m * m;
                    Arrays.fill(patches, off, off + m * m, (float) (sum / count));
                }
            }
            return patches;
        }

        @Override
        public String describe() {
            return NAME;
        }
    }

    /**
     * The harmonic fill: the solution of the discrete Laplace equation inside the hole with the known pixels around
     * it as boundary (each hole pixel ends as the mean of its four neighbours), the smoothest surface that meets the
     * hole's border ({@link HoleSurface#harmonic}). As a model's input, the model starts from this surface and learns
     * what to add to it, instead of rebuilding the border's colours from a flat patch.
     */
    record Harmonic() implements HoleFill {

        static final String NAME = "harmonic";

        @Override
        public float[] patches(float[] images, int[] indices, int from, int n, Mask mask) {
            return HoleSurface.harmonic(images, indices, from, n, mask);
        }

        @Override
        public String describe() {
            return NAME;
        }
    }
}
