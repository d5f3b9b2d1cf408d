package org.contextencoder.eval;

import java.util.Locale;

/**
 * A method's scores over a number of images: masked MSE and PSNR of the mean MSE (the paper's), then masked L1,
 * SSIM of the composited images, detail ratio and the mean of per-image PSNRs (see {@link Evaluator}).
 */
public record Score(String method, double maskedMse, double psnr, int images, double maskedL1, double ssim,
                    double detailRatio, double meanImagePsnr) {

    /** The same figures under another method name. */
    public Score named(String name) {
        return new Score(name, maskedMse, psnr, images, maskedL1, ssim, detailRatio, meanImagePsnr);
    }

    /** Every figure on one line, each named, for the command line. */
    public String summary() {
        return String.format(Locale.ROOT, "masked MSE %.5f, masked L1 %.5f, SSIM %.4f, detail ratio %.3f, "
                + "PSNR of the mean MSE %.2f dB, mean per-image PSNR %.2f dB", maskedMse, maskedL1, ssim, detailRatio,
                psnr, meanImagePsnr);
    }
}
