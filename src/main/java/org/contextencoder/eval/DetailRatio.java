package org.contextencoder.eval;

import org.contextencoder.mask.Hole;
import org.contextencoder.mask.Mask;

/**
 * How much fine structure the fills carry, accumulated over batches: over every horizontally or vertically
 * adjacent pixel pair with at least one pixel in the hole, the squared difference of the two pixels (each
 * channel) is summed on the composited image and on the original; the ratio of the two sums, pooled over all
 * images. 1 means as much local detail as the real images; a blur is well below 1; a seam at the hole's border
 * raises it, which is why it is read beside the masked MSE.
 */
public final class DetailRatio {

    private double composited;
    private double original;

    /** Adds {@code n} images (NCHW, 3 channels): the originals and the composites. */
    public void add(float[] originals, float[] composites, int[] indices, int from, int n, Mask mask) {
        int size = mask.imageSize();
        int plane = size * size;
        for (int i = 0; i < n; i++) {
            Hole h = mask.hole(indices[from + i]);
            for (int c = 0; c < Mask.CHANNELS; c++) {
                int offset = (i * Mask.CHANNELS + c) * plane;
                composited += energy(composites, offset, size, h);
                original += energy(originals, offset, size, h);
            }
        }
    }

    /**
     * Composited over original. Around flat holes the original has no detail: NaN if the fill has none either,
     * infinite if it has some.
     */
    public double ratio() {
        return composited / original;
    }

    /** Sum of squared differences over the pairs touching the hole, in one channel plane. */
    static double energy(float[] image, int offset, int size, Hole h) {
        double sum = 0;
        int firstPair = Math.max(h.x() - 1, 0);
        int lastPair = Math.min(h.x() + h.size() - 1, size - 2);
        for (int y = h.y(); y < h.y() + h.size(); y++) {
            int row = offset + y * size;
            for (int x = firstPair; x <= lastPair; x++) {
                double d = (double) image[row + x + 1] - image[row + x];
                sum += d * d;
            }
        }
        int firstRow = Math.max(h.y() - 1, 0);
        int lastRow = Math.min(h.y() + h.size() - 1, size - 2);
        for (int y = firstRow; y <= lastRow; y++) {
            int row = offset + y * size;
            for (int x = h.x(); x < h.x() + h.size(); x++) {
                double d = (double) image[row + size + x] - image[row + x];
                sum += d * d;
            }
        }
        return sum;
    }
}
