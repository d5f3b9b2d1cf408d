package org.contextencoder.eval;

import org.contextencoder.SharedData;
import org.contextencoder.data.Cifar10;
import org.contextencoder.data.ImageSet;
import org.contextencoder.data.Split;
import org.contextencoder.mask.CenterMask;
import org.contextencoder.mask.HoleFill;
import org.contextencoder.mask.Mask;
import org.contextencoder.mask.RandomSquareMask;
import org.contextencoder.model.Architecture;
import org.contextencoder.model.InpaintingModel;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Flip averaging and Poisson blending around a model or a fill, alone and together. */
class InferenceOptionsTest {

    private static final Mask CENTRE = new CenterMask(32, 16);

    /** Another inpainter's fill with a constant added: a prediction that is right but too light. */
    private record Lighter(Inpainter inner, float offset) implements Inpainter {
        @Override
        public String name() {
            return inner.name() + "+" + offset;
        }

        @Override
        public float[] predictHoles(float[] images, int[] indices, int from, int n, Mask mask) {
            float[] patches = inner.predictHoles(images, indices, from, n, mask);
            for (int i = 0; i < patches.length; i++) patches[i] += offset;
            return patches;
        }
    }

    /** Images that are diagonal ramps, darker to the right: a mirror image is not the image. */
    private static float[] ramps(int n) {
        float[] images = new float[n * 3 * 32 * 32];
        for (int i = 0; i < images.length; i++) {
            int x = i % 32;
            int y = i / 32 % 32;
            int plane = i / (32 * 32);
            images[i] = (float) (0.9 - 0.02 * x + 0.005 * y * (plane % 3) + 0.03 * (plane / 3));
        }
        return images;
    }

    /** Colour planes with a bump inside the centre hole, at least 4 px from its edge: flat across the edge. */
    private static ImageSet bumps(int n) {
        byte[] pixels = new byte[n * 3 * 32 * 32];
        for (int i = 0; i < pixels.length; i++) {
            int x = i % 32;
            int y = i / 32 % 32;
            int plane = i / (32 * 32);
            double r2 = (x - 15.5) * (x - 15.5) + (y - 15.5) * (y - 15.5);
            double bump = r2 < 16 ? (1 - r2 / 16) * (1 - r2 / 16) : 0;
            pixels[i] = (byte) Math.round(60 + 40 * (plane % 3) + 10 * (plane / 3) + 120 * bump);
        }
        return new ImageSet(pixels, null, 32, List.of());
    }

    private static float[] mirrored(float[] planes, int side) {
        float[] out = new float[planes.length];
        for (int i = 0; i < planes.length; i++) out[i] = planes[i - i % side + side - 1 - i % side];
        return out;
    }

    @Test
    void flipAveragingOfAModelIsTheMeanOfItsPredictionsOnTheImageAndItsMirrorImage() {
        ModelInpainter model = new ModelInpainter(new InpaintingModel(Architecture.CE32.build(3, new Adam(1e-3), 0, 16),
                Architecture.CE32, 16, new HoleFill.Solid(new float[]{0.5f, 0.5f, 0.5f})));
        float[] images = ramps(4);
        int[] indices = {0, 1, 2, 3};
        float[] direct = model.predictHoles(images, indices, 0, 4, CENTRE);
        float[] back = mirrored(model.predictHoles(mirrored(images, 32), indices, 0, 4, CENTRE), 16);
        double apart = 0;
        for (int i = 0; i < direct.length; i++) apart = Math.max(apart, Math.abs(direct[i] - back[i]));
        assertTrue(apart > 1e-3, "the two predictions differ, so their mean is a third: " + apart);

        float[] averaged = new FlipAveraging(model).predictHoles(images, indices, 0, 4, CENTRE);
        for (int i = 0; i < averaged.length; i++) assertEquals((direct[i] + back[i]) / 2, averaged[i], 1e-6, "at " + i);
    }

    @Test
    void flipAveragingMirrorsEachHoleWithItsImage() {
        // The harmonic fill of a mirror image is the mirror image of the fill, so averaging changes nothing, but only
        // if the mirror image's hole is the mirrored hole: off-centre holes would otherwise be filled elsewhere.
        Mask offCentre = new RandomSquareMask(32, 10, 5);
        float[] images = Cifar10.openFolder(SharedData.cifar()).split(Split.TEST, List.of(), 16).floats(0, 16);
        int[] indices = IntStream.range(0, 16).toArray();
        assertArrayEquals(Baseline.harmonic().predictHoles(images, indices, 0, 16, offCentre),
                new FlipAveraging(Baseline.harmonic()).predictHoles(images, indices, 0, 16, offCentre), 1e-5f);
    }

    @Test
    void poissonBlendingGivesBackAPerfectPredictionAndRemovesAConstantOffset() {
        ImageSet images = bumps(6);
        Evaluator evaluator = new Evaluator(4);
        Inpainter oracle = new EvaluatorTest.Oracle();
        assertEquals(0.01, evaluator.score(new Lighter(oracle, 0.1f), images, CENTRE).maskedMse(), 1e-6);
        assertTrue(evaluator.score(Baseline.harmonic(), images, CENTRE).maskedMse() > 1e-3, "the bumps are not harmonic");

        assertEquals(0, evaluator.score(new PoissonBlend(oracle), images, CENTRE).maskedMse(), 1e-10);
        assertEquals(0, evaluator.score(new PoissonBlend(new Lighter(oracle, 0.1f)), images, CENTRE).maskedMse(), 1e-10);
        assertEquals(0, evaluator.score(new PoissonBlend(new Lighter(oracle, -0.15f)), images, CENTRE).maskedMse(),
                1e-10);
    }

    @Test
    void poissonBlendingAFlatPredictionIsTheHarmonicFill() {
        float[] images = Cifar10.openFolder(SharedData.cifar()).split(Split.TEST, List.of(), 16).floats(0, 16);
        int[] indices = IntStream.range(0, 16).toArray();
        assertArrayEquals(Baseline.harmonic().predictHoles(images, indices, 0, 16, CENTRE),
                new PoissonBlend(Baseline.trainMean(new float[]{0.2f, 0.5f, 0.9f}))
                        .predictHoles(images, indices, 0, 16, CENTRE));
    }

    @Test
    void theOptionsComposeFlipFirstAndNameThemselves() {
        Inpainter harmonic = Baseline.harmonic();
        assertSame(harmonic, InferenceOptions.NONE.around(harmonic));
        Inpainter both = new InferenceOptions(true, true).around(harmonic);
        assertEquals(new PoissonBlend(new FlipAveraging(harmonic)), both);
        assertEquals("harmonic+flip+poisson", both.name());
        assertEquals(List.of("none", "flip", "poisson", "flip+poisson"), List.of(InferenceOptions.NONE.describe(),
                new InferenceOptions(true, false).describe(), new InferenceOptions(false, true).describe(),
                new InferenceOptions(true, true).describe()));
    }
}
