package org.contextencoder.mask;

/**
 * The harmonic fill of a hole: the solution of the discrete Laplace equation inside the hole with the known
 * pixels around it as boundary (each hole pixel ends as the mean of its four neighbours), the smoothest surface
 * that meets the hole's border. Solved by successive over-relaxation from the ring mean until no pixel moves by
 * more than {@link #TOLERANCE}. Where the hole touches the image border, that side has no boundary and the
 * equation uses the remaining neighbours.
 */
public final class HarmonicSurface {

    static final double TOLERANCE = 1e-6;
    private static final int MAX_SWEEPS = 20_000;

    private HarmonicSurface() {
    }

    /** The fills of {@code n} images' holes, N x 3 x hole x hole (batch conventions as in {@link Mask}). */
    public static float[] patches(float[] images, int[] indices, int from, int n, Mask mask) {
        int s = mask.imageSize();
        int m = mask.holeSize();
        float[] start = RingMean.patches(images, indices, from, n, mask);
        float[] patches = new float[start.length];
        // The optimal SOR factor for the Laplacian on an m x m grid.
        double omega = 2 / (1 + Math.sin(Math.PI / (m + 1)));
        int w = m + 2;
        for (int i = 0; i < n; i++) {
            Hole h = mask.hole(indices[from + i]);
            // Which cells of the hole and its one-pixel ring take part: the hole, and the ring inside the image.
            boolean[] usable = new boolean[w * w];
            for (int y = -1; y <= m; y++) {
                for (int x = -1; x <= m; x++) {
                    int iy = h.y() + y;
                    int ix = h.x() + x;
                    usable[(y + 1) * w + x + 1] = iy >= 0 && iy < s && ix >= 0 && ix < s;
                }
            }
            for (int c = 0; c < Mask.CHANNELS; c++) {
                int plane = (i * Mask.CHANNELS + c) * s * s;
                int off = (i * Mask.CHANNELS + c) * m * m;
                double[] u = new double[w * w];
                for (int y = -1; y <= m; y++) {
                    for (int x = -1; x <= m; x++) {
                        int k = (y + 1) * w + x + 1;
                        boolean inside = y >= 0 && y < m && x >= 0 && x < m;
                        if (inside) u[k] = start[off + y * m + x];
                        else if (usable[k]) u[k] = images[plane + (h.y() + y) * s + h.x() + x];
                    }
                }
                solve(u, usable, m, omega);
                for (int y = 0; y < m; y++) {
                    for (int x = 0; x < m; x++) patches[off + y * m + x] = (float) u[(y + 1) * w + x + 1];
                }
            }
        }
        return patches;
    }

    private static void solve(double[] u, boolean[] usable, int m, double omega) {
        int w = m + 2;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double largest = 0;
            for (int y = 1; y <= m; y++) {
                for (int x = 1; x <= m; x++) {
                    int k = y * w + x;
                    double sum = 0;
                    int count = 0;
                    if (usable[k - 1]) {
                        sum += u[k - 1];
                        count++;
                    }
                    if (usable[k + 1]) {
                        sum += u[k + 1];
                        count++;
                    }
                    if (usable[k - w]) {
                        sum += u[k - w];
                        count++;
                    }
                    if (usable[k + w]) {
                        sum += u[k + w];
                        count++;
                    }
                    double change = omega * (sum / count - u[k]);
                    u[k] += change;
                    largest = Math.max(largest, Math.abs(change));
                }
            }
            if (largest < TOLERANCE) return;
        }
    }
}
