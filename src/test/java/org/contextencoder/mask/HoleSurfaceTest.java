package org.contextencoder.mask;

import org.contextencoder.SharedData;
import org.contextencoder.data.Cifar10;
import org.contextencoder.data.Split;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Poisson equation in the hole: the harmonic fill without a guide, the guide's detail at the border's level. */
class HoleSurfaceTest {

    private static final int S = 32;
    private static final int[] TWO = {0, 1};
    private static final Mask CENTRE = new CenterMask(S, 16);

    /**
     * Two images, each channel a colour plus a smooth bump that lies well inside the centre hole (zero within 4 px of
     * its edge): not harmonic, so the harmonic fill cannot give it back, but flat across the hole's edge.
     */
    private static float[] bumps() {
        float[] images = new float[2 * 3 * S * S];
        for (int i = 0; i < 2; i++) {
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < S; y++) {
                    for (int x = 0; x < S; x++) {
                        double r2 = (x - 15.5) * (x - 15.5) + (y - 15.5) * (y - 15.5);
                        double bump = r2 < 16 ? 0.3 * (1 - r2 / 16) * (1 - r2 / 16) * (i == 0 ? 1 : -0.5) : 0;
                        images[((i * 3 + c) * S + y) * S + x] = (float) (0.3 + 0.1 * c + 0.05 * i + bump);
                    }
                }
            }
        }
        return images;
    }

    private static float[] cifarTest(int n) {
        return Cifar10.openFolder(SharedData.cifar()).split(Split.TEST, List.of(), n).floats(0, n);
    }

    private static float[] cut(float[] images, Mask mask, int n) {
        float[] patches = new float[n * 3 * mask.holeSize() * mask.holeSize()];
        mask.cut(images, IntStream.range(0, n).toArray(), 0, n, patches);
        return patches;
    }

    private static float[] plus(float[] values, float offset) {
        float[] out = values.clone();
        for (int i = 0; i < out.length; i++) out[i] += offset;
        return out;
    }

    private static double mse(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += (a[i] - b[i]) * (a[i] - b[i]);
        return sum / a.length;
    }

    @Test
    void guidedByTheImageItselfTheSurfaceIsTheImageWhateverOffsetTheGuideHas() {
        float[] images = bumps();
        float[] truth = cut(images, CENTRE, 2);
        assertTrue(mse(HoleSurface.harmonic(images, TWO, 0, 2, CENTRE), truth) > 1e-4,
                "the bumps are not harmonic: the harmonic fill misses them");

        assertArrayEquals(truth, HoleSurface.guidedBy(truth, images, TWO, 0, 2, CENTRE), 1e-4f);
        assertArrayEquals(truth, HoleSurface.guidedBy(plus(truth, 0.2f), images, TWO, 0, 2, CENTRE), 1e-4f,
                "a prediction 0.2 too light is brought to the border's level");
        assertArrayEquals(truth, HoleSurface.guidedBy(plus(truth, -0.1f), images, TWO, 0, 2, CENTRE), 1e-4f);
    }

    @Test
    void aHoleAtTheImageBorderUsesTheNeighboursItHas() {
        float[] images = bumps();
        Mask corner = new Mask() {
            public int imageSize() {
                return S;
            }

            public int holeSize() {
                return 24;
            }

            public Hole hole(int imageIndex) {
                return new Hole(0, 4, 24); // touches the left edge; holds the whole bump, 4 px from its other edges
            }
        };
        float[] truth = cut(images, corner, 2);
        assertArrayEquals(truth, HoleSurface.guidedBy(plus(truth, 0.15f), images, TWO, 0, 2, corner), 1e-4f);
    }

    @Test
    void aGuideWithoutLaplacianGivesTheHarmonicFillToTheBit() {
        float[] images = cifarTest(8);
        int[] all = IntStream.range(0, 8).toArray();
        float[] flat = new float[8 * 3 * 16 * 16];
        Arrays.fill(flat, 0.37f);
        assertArrayEquals(HoleSurface.harmonic(images, all, 0, 8, CENTRE),
                HoleSurface.guidedBy(flat, images, all, 0, 8, CENTRE));
    }

    @Test
    void onPhotosAPerfectPredictionShiftedInLevelComesBackCloseToTheTruth() {
        float[] images = cifarTest(64);
        int[] all = IntStream.range(0, 64).toArray();
        float[] truth = cut(images, CENTRE, 64);
        double shifted = mse(plus(truth, 0.1f), truth);
        double blended = mse(HoleSurface.guidedBy(plus(truth, 0.1f), images, all, 0, 64, CENTRE), truth);
        double harmonic = mse(HoleSurface.harmonic(images, all, 0, 64, CENTRE), truth);
        // Natural images are not flat across the hole's edge, so the truth does not come back exactly; what is lost
        // is the step across the edge, small beside the offset and the harmonic fill's error.
        System.out.printf("64 CIFAR-10 test images: MSE of the truth + 0.1 %.5f, Poisson-blended %.6f, harmonic %.5f%n",
                shifted, blended, harmonic);
        assertTrue(blended < shifted / 3 && blended < harmonic / 10, blended + " vs " + shifted + ", " + harmonic);
    }
}
