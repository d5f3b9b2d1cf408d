package org.contextencoder.eval;

/** A method's masked MSE and PSNR over a number of images. */
public record Score(String method, double maskedMse, double psnr, int images) {
}
