package org.contextencoder.eval;

import org.contextencoder.SharedData;
import org.contextencoder.data.Cifar10;
import org.contextencoder.data.ImageSet;
import org.contextencoder.data.Split;
import org.contextencoder.mask.CenterMask;
import org.contextencoder.mask.Mask;
import org.contextencoder.mask.Hole;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaselinesTest {

    private static final int[] ONE = {0};

    /** A 32x32 image whose channel c at (y, x) is a + b*x + d*y: linear, hence harmonic. */
    private static float[] plane(float a, float b, float d) {
        float[] img = new float[3 * 32 * 32];
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < 32; y++)
                for (int x = 0; x < 32; x++) img[(c * 32 + y) * 32 + x] = a + b * x + d * y + 0.05f * c;
        return img;
    }

    @Test
    void trainMeanFillsWithTheGivenColour() {
        float[] p = Baseline.trainMean(new float[]{0.1f, 0.2f, 0.3f}).predictHoles(plane(0, 0, 0), ONE, 0, 1, new CenterMask(32, 16));
        assertEquals(3 * 256, p.length);
        assertEquals(0.1f, p[0]);
        assertEquals(0.2f, p[256]);
        assertEquals(0.3f, p[767]);
    }

    @Test
    void ringMeanIsTheMeanOfTheRingAroundTheHole() {
        float[] img = new float[3 * 32 * 32];
        Mask mask = new CenterMask(32, 16);
        // Ring: rows 7 and 24, columns 7 and 24, between 7 and 24: 4*17 = 68 pixels. Set one to 68, the rest 0.
        img[7 * 32 + 7] = 68f;
        float[] p = Baseline.ringMean().predictHoles(img, ONE, 0, 1, mask);
        assertEquals(1f, p[0], 1e-6);
        assertEquals(0f, p[256], 1e-6);
    }

    @Test
    void harmonicFillReproducesALinearGradientExactly() {
        float[] img = plane(0.2f, 0.01f, 0.015f);
        Mask mask = new CenterMask(32, 16);
        float[] truth = new float[3 * 256];
        mask.cut(img, ONE, 0, 1, truth);
        float[] p = Baseline.harmonic().predictHoles(img, ONE, 0, 1, mask);
        MaskedError mse = new MaskedError();
        mse.add(truth, p, 1, 3 * 256);
        assertTrue(mse.mse() < 1e-9, "harmonic fill of a linear ramp is exact, MSE " + mse.mse());
        float[] ring = Baseline.ringMean().predictHoles(img, ONE, 0, 1, mask);
        MaskedError ringMse = new MaskedError();
        ringMse.add(truth, ring, 1, 3 * 256);
        assertTrue(ringMse.mse() > 1e-4, "the ring mean cannot follow a gradient");
    }

    @Test
    void harmonicFillCopesWithAHoleOnTheImageBorder() {
        // A hole on the top edge: no boundary above it, so the fill follows the sides and the row below;
        // an image that only varies along x is still reproduced exactly.
        float[] img = plane(0.3f, 0.005f, 0f);
        Mask corner = new Mask() {
            public int imageSize() {
                return 32;
            }

            public int holeSize() {
                return 16;
            }

            public Hole hole(int i) {
                return new Hole(8, 0, 16);
            }
        };
        float[] truth = new float[3 * 256];
        corner.cut(img, ONE, 0, 1, truth);
        MaskedError mse = new MaskedError();
        mse.add(truth, Baseline.harmonic().predictHoles(img, ONE, 0, 1, corner), 1, 768);
        assertTrue(mse.mse() < 1e-6, "a gradient along x is still reproduced, MSE " + mse.mse());
    }

    @Test
    void onRealCifarTestImagesTheBaselinesRankAsExpected() {
        Cifar10 cifar = Cifar10.openFolder(SharedData.cifar());
        ImageSet test = cifar.split(Split.TEST, List.of(), 1000);
        float[] mean = cifar.split(Split.TRAIN).meanColour();
        Mask mask = new CenterMask(32, 16);
        Evaluator evaluator = new Evaluator(100);
        double trainMean = evaluator.score(Baseline.trainMean(mean), test, mask).maskedMse();
        double ring = evaluator.score(Baseline.ringMean(), test, mask).maskedMse();
        double harmonic = evaluator.score(Baseline.harmonic(), test, mask).maskedMse();
        // Measured on all 10,000 test images: 0.0557, 0.0453, 0.0306.
        assertEquals(0.055, trainMean, 0.006);
        assertEquals(0.031, harmonic, 0.004);
        assertTrue(harmonic < ring && ring < trainMean);
    }
}
