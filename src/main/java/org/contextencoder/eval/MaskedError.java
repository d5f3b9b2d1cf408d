package org.contextencoder.eval;

/**
 * Errors inside the hole only, accumulated over batches: every hole pixel of every channel counts once, pixels
 * in [0,1]. Masked MSE is the paper's metric; PSNR is given both ways, of the mean MSE (10 log10(1 / MSE), the
 * workbench's figure since the start) and as the mean of each image's PSNR (what most papers report).
 */
public final class MaskedError {

    private double sumOfSquares;
    private double sumOfAbsolutes;
    private double sumOfImagePsnrs;
    private long values;
    private int images;

    /** Adds {@code n} images' hole patches: the truth and the prediction, same layout. */
    public void add(float[] truth, float[] prediction, int n, int valuesPerImage) {
        for (int i = 0; i < n; i++) {
            double squares = 0;
            double absolutes = 0;
            for (int k = i * valuesPerImage, end = k + valuesPerImage; k < end; k++) {
                double d = (double) prediction[k] - truth[k];
                squares += d * d;
                absolutes += Math.abs(d);
            }
            sumOfSquares += squares;
            sumOfAbsolutes += absolutes;
            sumOfImagePsnrs += psnr(squares / valuesPerImage);
        }
        values += (long) n * valuesPerImage;
        images += n;
    }

    public double mse() {
        requireScored();
        return sumOfSquares / values;
    }

    /** Mean absolute error, in [0,1]. */
    public double l1() {
        requireScored();
        return sumOfAbsolutes / values;
    }

    /** PSNR of the mean MSE. */
    public double psnr() {
        return psnr(mse());
    }

    /** The mean over images of each image's PSNR; infinite if any image's hole is filled exactly. */
    public double meanImagePsnr() {
        requireScored();
        return sumOfImagePsnrs / images;
    }

    public int images() {
        return images;
    }

    /** Peak signal-to-noise ratio in dB for pixels in [0,1]. */
    public static double psnr(double mse) {
        return 10 * Math.log10(1 / mse);
    }

    private void requireScored() {
        if (values == 0) throw new IllegalStateException("no images were scored");
    }
}
