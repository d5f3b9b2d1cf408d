package org.contextencoder.eval;

import org.contextencoder.mask.Hole;
import org.contextencoder.mask.Mask;

/**
 * Mean structural similarity of composited images (the original outside the hole, the fill inside) against the
 * originals, accumulated over batches: scikit-image's {@code structural_similarity(a, b, gaussian_weights=True,
 * sigma=1.5, use_sample_covariance=False, data_range=1.0, channel_axis=-1)} per image, averaged over images.
 * <p>
 * Like scikit-image, the local statistics are Gaussian-weighted over 11x11 windows and the mean is taken over the
 * positions at least the window's radius from the border, where every window lies inside the image (so
 * scikit-image's reflected border never enters). Where a window misses the hole the two images agree and SSIM
 * is exactly 1, so only the windows that meet the hole are computed. Scratch arrays are allocated once.
 */
public final class Ssim {

    static final double SIGMA = 1.5;
    /** scikit-image's window: radius int(3.5 sigma + 0.5) = 5, as scipy's Gaussian filter truncates it. */
    static final int RADIUS = (int) (3.5 * SIGMA + 0.5);
    private static final double C1 = 0.01 * 0.01;
    private static final double C2 = 0.03 * 0.03;
    private static final double[] WEIGHTS = weights();
    /** The maps filtered: x, y, x² + y² (SSIM needs only the sum of the two variances) and xy. */
    private static final int MAPS = 4;
    private static final int X = 0;
    private static final int Y = 1;
    private static final int SQUARES = 2;
    private static final int XY = 3;
    private static final int SEGMENTS = Mask.CHANNELS * MAPS;

    private final int size;
    /**
     * Per image row: x (the original), y (the composite), x² + y² and xy of each channel, side by side, at the
     * columns the windows read ({@code segment * width + column - first}, segment = channel * 4 + map).
     */
    private final double[][] rows;
    /** The same filtered down the columns, at the rows of positions. */
    private final double[][] down;
    /** Transposed: per image column, the segments at the rows of positions ({@code segment * height + row - top}). */
    private final double[][] columns;
    /** Filtered both ways, the local statistics of one column of positions, laid out as {@link #columns}. */
    private final double[] local;
    private double sum;
    private int images;

    /** For images {@code imageSize} pixels square; the window needs at least 11. */
    public Ssim(int imageSize) {
        if (imageSize < 2 * RADIUS + 1) {
            throw new IllegalArgumentException("SSIM's 11x11 window does not fit " + imageSize + "x" + imageSize
                    + " images: score images of at least 11x11 pixels");
        }
        size = imageSize;
        rows = new double[size][SEGMENTS * size];
        down = new double[size][SEGMENTS * size];
        columns = new double[size][SEGMENTS * size];
        local = new double[SEGMENTS * size];
    }

    /** Adds {@code n} images (NCHW, 3 channels): the originals and the composites, which differ only in the holes. */
    public void add(float[] originals, float[] composites, int[] indices, int from, int n, Mask mask) {
        for (int i = 0; i < n; i++) {
            sum += image(originals, composites, i * Mask.CHANNELS * size * size, mask.hole(indices[from + i]));
        }
        images += n;
    }

    public double mean() {
        if (images == 0) throw new IllegalStateException("no images were scored");
        return sum / images;
    }

    /**
     * Mean SSIM over the channels and positions of the image starting at {@code offset}; {@code x} and {@code y}
     * differ only in the hole {@code h}. The separable filter runs down the columns over row arrays, then along the
     * rows over column arrays, all channels and maps at once: every pass combines whole arrays index by index,
     * which Java 17's JIT vectorises (shifted reads within one array it does not); this keeps SSIM from slowing
     * the evaluation down much.
     */
    private double image(float[] x, float[] y, int offset, Hole h) {
        int r = RADIUS;
        // The positions whose window meets the hole, within the cropped region [r, size - r), and what they read.
        int top = Math.max(r, h.y() - r);
        int bottom = Math.min(size - r, h.y() + h.size() + r);
        int left = Math.max(r, h.x() - r);
        int right = Math.min(size - r, h.x() + h.size() + r);
        if (top >= bottom || left >= right) return 1;
        int first = left - r;
        int width = right + r - first;
        int height = bottom - top;
        for (int row = top - r; row < bottom + r; row++) {
            double[] to = rows[row];
            for (int c = 0; c < Mask.CHANNELS; c++) {
                int from = offset + (c * size + row) * size + first;
                int segment = c * MAPS * width;
                for (int j = 0; j < width; j++) {
                    double a = x[from + j];
                    double b = y[from + j];
                    to[segment + X * width + j] = a;
                    to[segment + Y * width + j] = b;
                    to[segment + SQUARES * width + j] = a * a + b * b;
                    to[segment + XY * width + j] = a * b;
                }
            }
        }
        for (int row = top; row < bottom; row++) {
            filter(rows, row, down[row], SEGMENTS * width);
            double[] d = down[row];
            for (int segment = 0; segment < SEGMENTS; segment++) {
                for (int j = 0; j < width; j++) {
                    columns[first + j][segment * height + row - top] = d[segment * width + j];
                }
            }
        }
        double total = 0;
        for (int col = left; col < right; col++) {
            filter(columns, col, local, SEGMENTS * height);
            for (int c = 0; c < Mask.CHANNELS; c++) {
                int segment = c * MAPS * height;
                for (int k = segment; k < segment + height; k++) {
                    double mx = local[k + X * height];
                    double my = local[k + Y * height];
                    double variances = local[k + SQUARES * height] - mx * mx - my * my;
                    double covariance = local[k + XY * height] - mx * my;
                    total += (2 * mx * my + C1) * (2 * covariance + C2) / ((mx * mx + my * my + C1) * (variances + C2));
                }
            }
        }
        int cropped = size - 2 * r;
        int unaffected = cropped * cropped - height * (right - left);
        return (total + Mask.CHANNELS * unaffected) / (Mask.CHANNELS * (double) cropped * cropped);
    }

    /**
     * The 1-D Gaussian across arrays: {@code out[j] = sum over k in [-5, 5] of w(k) in[centre + k][j]} for j in
     * [0, count). The kernel is symmetric, so opposite taps are added before weighting, as scipy does.
     */
    private static void filter(double[][] in, int centre, double[] out, int count) {
        double[] middle = in[centre];
        double w0 = WEIGHTS[RADIUS];
        for (int j = 0; j < count; j++) out[j] = w0 * middle[j];
        for (int k = 1; k <= RADIUS; k++) {
            double w = WEIGHTS[RADIUS + k];
            double[] before = in[centre - k];
            double[] after = in[centre + k];
            for (int j = 0; j < count; j++) out[j] += w * (before[j] + after[j]);
        }
    }

    /** scipy's Gaussian kernel: exp(-x² / 2 sigma²) for x in [-radius, radius], normalised to sum 1. */
    private static double[] weights() {
        double[] w = new double[2 * RADIUS + 1];
        double sum = 0;
        for (int k = -RADIUS; k <= RADIUS; k++) {
            w[k + RADIUS] = Math.exp(-0.5 / (SIGMA * SIGMA) * k * k);
            sum += w[k + RADIUS];
        }
        for (int k = 0; k < w.length; k++) w[k] /= sum;
        return w;
    }
}
