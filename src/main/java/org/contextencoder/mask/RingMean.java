package org.contextencoder.mask;

import java.util.Arrays;

/** Every hole pixel gets the mean colour of the one-pixel ring just outside that image's hole. */
public final class RingMean {

    private RingMean() {
    }

    /** The fills of {@code n} images' holes, N x 3 x hole x hole (batch conventions as in {@link Mask}). */
    public static float[] patches(float[] images, int[] indices, int from, int n, Mask mask) {
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
}
