package org.contextencoder.eval;

import org.contextencoder.mask.Hole;
import org.contextencoder.mask.Mask;

/**
 * Test-time flip averaging: the mean of what {@code inner} puts in the hole of each image and, mirrored back, in the
 * hole of its left-right mirror image. A model trained with flipped images has no reason to prefer either, and the
 * mean of two errors that are not the same is smaller than either's. Reads only outside each hole, as {@code inner}
 * does: the mirror image's hole is the mirrored hole.
 */
public record FlipAveraging(Inpainter inner) implements Inpainter {

    @Override
    public String name() {
        return inner.name() + "+flip";
    }

    @Override
    public float[] predictHoles(float[] images, int[] indices, int from, int n, Mask mask) {
        float[] direct = inner.predictHoles(images, indices, from, n, mask);
        int s = mask.imageSize();
        int m = mask.holeSize();
        float[] mirrored = inner.predictHoles(mirror(images, n * Mask.CHANNELS, s), indices, from, n,
                new Mirrored(mask));
        float[] back = mirror(mirrored, n * Mask.CHANNELS, m);
        float[] mean = new float[n * Mask.CHANNELS * m * m];
        for (int i = 0; i < mean.length; i++) mean[i] = (direct[i] + back[i]) / 2;
        return mean;
    }

    /** {@code planes} square planes of {@code side} px (NCHW), each row reversed. */
    static float[] mirror(float[] values, int planes, int side) {
        float[] out = new float[planes * side * side];
        for (int row = 0; row < planes * side; row++) {
            int at = row * side;
            for (int x = 0; x < side; x++) out[at + x] = values[at + side - 1 - x];
        }
        return out;
    }

    /** The mask of the mirror images: each hole mirrored left to right. */
    private record Mirrored(Mask mask) implements Mask {
        @Override
        public int imageSize() {
            return mask.imageSize();
        }

        @Override
        public int holeSize() {
            return mask.holeSize();
        }

        @Override
        public Hole hole(int imageIndex) {
            Hole h = mask.hole(imageIndex);
            return new Hole(mask.imageSize() - h.x() - h.size(), h.y(), h.size());
        }
    }
}
