package org.contextencoder.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MaskedMseTest {

    @Test
    void averagesSquaredErrorsOverEveryHoleValue() {
        MaskedMse mse = new MaskedMse();
        // Image 1: errors 0.1, -0.2, 0, 0.3; image 2: errors 0.5, 0, 0, 0.
        mse.add(new float[]{0.5f, 0.5f, 0.5f, 0.5f, 0, 0, 0, 0},
                new float[]{0.6f, 0.3f, 0.5f, 0.8f, 0.5f, 0, 0, 0}, 2, 4);
        double expected = (0.01 + 0.04 + 0 + 0.09 + 0.25) / 8;
        assertEquals(expected, mse.mse(), 1e-7);
        assertEquals(10 * Math.log10(1 / expected), mse.psnr(), 1e-4);
        assertEquals(2, mse.images());
    }

    @Test
    void accumulatesAcrossBatchesLikeOneBatch() {
        MaskedMse parts = new MaskedMse();
        parts.add(new float[]{0, 0}, new float[]{1, 0}, 1, 2);
        parts.add(new float[]{0, 0, 0, 0}, new float[]{0, 0, 0.5f, 0.5f}, 2, 2);
        assertEquals((1 + 0.25 + 0.25) / 6, parts.mse(), 1e-9);
    }

    @Test
    void psnrOfKnownErrors() {
        assertEquals(20, MaskedMse.psnr(0.01), 1e-9);
        assertEquals(30, MaskedMse.psnr(0.001), 1e-9);
    }

    @Test
    void nothingScoredIsAnError() {
        assertThrows(IllegalStateException.class, () -> new MaskedMse().mse());
    }
}
