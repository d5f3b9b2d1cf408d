package org.contextencoder.eval;

/**
 * Mean squared error inside the hole only (the paper's metric), accumulated over batches: every hole pixel
 * of every channel counts once, pixels in [0,1]. PSNR follows from it as 10 log10(1 / MSE).
 */
public final class MaskedMse {

    private double sumOfSquares;
    private long values;
    private int images;

    /** Adds {@code n} images' hole patches: the truth and the prediction, same layout. */
    public void add(float[] truth, float[] prediction, int n, int valuesPerImage) {
        int length = n * valuesPerImage;
        double s = 0;
        for (int k = 0; k < length; k++) {
            double d = (double) prediction[k] - truth[k];
            s += d * d;
        }
        sumOfSquares += s;
        values += length;
        images += n;
    }

    public double mse() {
        if (values == 0) throw new IllegalStateException("no images were scored");
        return sumOfSquares / values;
    }

    public double psnr() {
        return psnr(mse());
    }

    public int images() {
        return images;
    }

    /** Peak signal-to-noise ratio in dB for pixels in [0,1]. */
    public static double psnr(double mse) {
        return 10 * Math.log10(1 / mse);
    }
}
