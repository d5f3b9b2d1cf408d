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

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.contextencoder.eval.DetailRatioTest.concat;
import static org.contextencoder.eval.DetailRatioTest.filled;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EvaluatorTest {

    private static final Mask CENTRE = new CenterMask(32, 16);

    /** Returns each hole's own pixels: the perfect fill, which only a test may look into the hole for. */
    static final class Oracle implements Inpainter {
        @Override
        public String name() {
            return "oracle";
        }

        @Override
        public float[] predictHoles(float[] images, int[] indices, int from, int n, Mask mask) {
            float[] patches = new float[n * Mask.CHANNELS * mask.holeSize() * mask.holeSize()];
            mask.cut(images, indices, from, n, patches);
            return patches;
        }
    }

    /** Two 32 px images: black and white columns, and flat grey 102 (0.4). */
    private static ImageSet stripesAndGrey() {
        byte[] pixels = new byte[2 * 3 * 32 * 32];
        for (int k = 0; k < 3 * 32 * 32; k++) {
            pixels[k] = (byte) (k % 2 == 0 ? 0 : 255);
            pixels[3 * 32 * 32 + k] = (byte) 102;
        }
        return new ImageSet(pixels, null, 32, List.of());
    }

    @Test
    void aKnownFillOnKnownImagesScoresWhatHandComputationSays() {
        ImageSet images = stripesAndGrey();
        Inpainter grey = Baseline.trainMean(new float[]{0.5f, 0.5f, 0.5f});
        for (int batch : new int[]{1, 2, 5}) {
            Score s = new Evaluator(batch).score(grey, images, CENTRE);

            assertEquals("train-mean", s.method());
            assertEquals(2, s.images());
            // Errors in the hole: 0.5 everywhere in the stripes, 0.1 in the grey image.
            assertEquals((0.25 + 0.01) / 2, s.maskedMse(), 1e-6, "batch " + batch);
            assertEquals((0.5 + 0.1) / 2, s.maskedL1(), 1e-6);
            assertEquals(MaskedError.psnr(0.13), s.psnr(), 1e-4);
            assertEquals((MaskedError.psnr(0.25) + 20) / 2, s.meanImagePsnr(), 1e-4);
            // Pooled: the stripes keep 16 of 272 (DetailRatioTest), the grey image adds a seam of 64 x 0.01.
            assertEquals((16 + 0.64) / 272, s.detailRatio(), 1e-5);
            // SSIM of the composites built here by hand, image by image.
            float[] stripes = images.floats(0, 1);
            float[] flat = images.floats(1, 1);
            Ssim ssim = new Ssim(32);
            ssim.add(concat(stripes, flat), concat(filled(stripes, 32, CENTRE, (x, y) -> 0.5f),
                    filled(flat, 32, CENTRE, (x, y) -> 0.5f)), new int[]{0, 1}, 0, 2, CENTRE);
            assertEquals(ssim.mean(), s.ssim(), 1e-12);
        }
    }

    @Test
    void thePerfectFillScoresPerfectlyOnRealImages() {
        ImageSet test = Cifar10.openFolder(SharedData.cifar()).split(Split.TEST, List.of(), 300);
        for (Mask mask : List.of(CENTRE, new RandomSquareMask(32, 12, 3))) {
            Score s = new Evaluator(64).score(new Oracle(), test, mask);
            assertEquals(0, s.maskedMse());
            assertEquals(0, s.maskedL1());
            assertEquals(1, s.ssim(), 1e-12);
            assertEquals(1, s.detailRatio());
            assertEquals(Double.POSITIVE_INFINITY, s.psnr());
            assertEquals(300, s.images());
        }
    }

    @Test
    void onRealImagesABlurLosesDetailThatTheTruthHas() {
        // Harmonic fill is the smoothest surface that meets the border: far less detail than the photos, and
        // a worse SSIM than the perfect fill's 1.
        ImageSet test = Cifar10.openFolder(SharedData.cifar()).split(Split.TEST, List.of(), 300);
        Score harmonic = new Evaluator(64).score(Baseline.harmonic(), test, CENTRE);
        assertEquals(0.1, harmonic.detailRatio(), 0.08);
        assertEquals(0.64, harmonic.ssim(), 0.08);
    }

    @Test
    void imagesAndMaskOfDifferentSizesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Evaluator(8).score(new Oracle(), stripesAndGrey(), new CenterMask(128, 32)));
        assertEquals("the images are 32x32 but the mask is for 128x128 images", e.getMessage());
    }

    @Test
    void noInpainterLooksInsideTheHole() {
        // The same images with the holes' contents replaced by noise must get the same predictions from the
        // baselines, from models of the 32 px architectures with their fills, and with the inference options.
        List<Inpainter> inpainters = new ArrayList<>(Baseline.all(new float[]{0.5f, 0.5f, 0.5f}));
        inpainters.add(new ModelInpainter(new InpaintingModel(Architecture.CE32.build(5, new Adam(1e-3), 0, 16),
                Architecture.CE32, 16, new HoleFill.Solid(new float[]{0.4f, 0.5f, 0.6f}))));
        ModelInpainter unet32 = new ModelInpainter(new InpaintingModel(Architecture.UNET32.build(5, new Adam(1e-3), 0,
                16), Architecture.UNET32, 16, new HoleFill.Harmonic()));
        inpainters.add(unet32);
        inpainters.add(new ModelInpainter(new InpaintingModel(Architecture.DILATED32.build(5, new Adam(1e-3), 0, 16),
                Architecture.DILATED32, 16, new HoleFill.Harmonic())));
        inpainters.add(new InferenceOptions(true, true).around(unet32));
        float[] images = Cifar10.openFolder(SharedData.cifar()).split(Split.TEST, List.of(), 4).floats(0, 4);
        int[] indices = {0, 1, 2, 3};
        float[] noise = new float[4 * 3 * 16 * 16];
        Random random = new Random(7);
        for (int k = 0; k < noise.length; k++) noise[k] = random.nextFloat();
        float[] scrambled = images.clone();
        CENTRE.paste(scrambled, indices, 0, 4, noise);
        for (Inpainter inpainter : inpainters) {
            assertArrayEquals(inpainter.predictHoles(images, indices, 0, 4, CENTRE),
                    inpainter.predictHoles(scrambled, indices, 0, 4, CENTRE), inpainter.name());
        }
    }
}
