package org.contextencoder.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MaskedErrorTest {

    @Test
    void averagesErrorsOverEveryHoleValue() {
        MaskedError error = new MaskedError();
        // Image 1: errors 0.1, -0.2, 0, 0.3; image 2: errors 0.5, 0, 0, 0.
        error.add(new float[]{0.5f, 0.5f, 0.5f, 0.5f, 0, 0, 0, 0},
                new float[]{0.6f, 0.3f, 0.5f, 0.8f, 0.5f, 0, 0, 0}, 2, 4);
        double expected = (0.01 + 0.04 + 0 + 0.09 + 0.25) / 8;
        assertEquals(expected, error.mse(), 1e-7);
        assertEquals((0.1 + 0.2 + 0 + 0.3 + 0.5) / 8, error.l1(), 1e-7);
        assertEquals(10 * Math.log10(1 / expected), error.psnr(), 1e-4);
        assertEquals(2, error.images());
    }

    @Test
    void psnrIsGivenOfTheMeanMseAndAsTheMeanOfEachImages() {
        MaskedError error = new MaskedError();
        // Image MSEs 0.01 (20 dB) and 0.0001 (40 dB): the mean of the PSNRs is 30 dB, the PSNR of the mean MSE
        // (0.00505) 22.97 dB; the worse image weighs more in the latter.
        error.add(new float[]{0, 0, 0, 0}, new float[]{0.1f, 0.1f, 0.01f, 0.01f}, 2, 2);
        assertEquals(30, error.meanImagePsnr(), 1e-5);
        assertEquals(10 * Math.log10(1 / 0.00505), error.psnr(), 1e-5);
    }

    @Test
    void anExactFillHasInfinitePsnr() {
        MaskedError error = new MaskedError();
        error.add(new float[]{0.2f, 0.7f}, new float[]{0.2f, 0.7f}, 1, 2);
        assertEquals(0, error.mse());
        assertEquals(0, error.l1());
        assertEquals(Double.POSITIVE_INFINITY, error.meanImagePsnr());
    }

    @Test
    void accumulatesAcrossBatchesLikeOneBatch() {
        MaskedError parts = new MaskedError();
        parts.add(new float[]{0, 0}, new float[]{1, 0}, 1, 2);
        parts.add(new float[]{0, 0, 0, 0}, new float[]{0, 0, 0.5f, 0.5f}, 2, 2);
        assertEquals((1 + 0.25 + 0.25) / 6, parts.mse(), 1e-9);
        assertEquals((1 + 0.5 + 0.5) / 6, parts.l1(), 1e-9);
        assertEquals((MaskedError.psnr(0.5) + Double.POSITIVE_INFINITY) / 3, parts.meanImagePsnr());
    }

    @Test
    void psnrOfKnownErrors() {
        assertEquals(20, MaskedError.psnr(0.01), 1e-9);
        assertEquals(30, MaskedError.psnr(0.001), 1e-9);
    }

    @Test
    void nothingScoredIsAnError() {
        assertThrows(IllegalStateException.class, () -> new MaskedError().mse());
        assertThrows(IllegalStateException.class, () -> new MaskedError().l1());
        assertThrows(IllegalStateException.class, () -> new MaskedError().meanImagePsnr());
    }
}
