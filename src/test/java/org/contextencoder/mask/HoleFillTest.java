package org.contextencoder.mask;

import org.contextencoder.data.ImageSet;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HoleFillTest {

    private static final Mask MASK = new CenterMask(32, 16);
    private static final int[] TWO = {0, 1};

    /** Two images whose channels are planes a + b*x + c*y, different per image and channel. */
    private static float[] planes() {
        float[] images = new float[2 * 3 * 32 * 32];
        for (int i = 0; i < 2; i++) {
            for (int ch = 0; ch < 3; ch++) {
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        images[((i * 3 + ch) * 32 + y) * 32 + x] = 0.1f + 0.2f * ch + (0.01f + 0.003f * i) * x
                                + 0.007f * (2 - ch) * y;
                    }
                }
            }
        }
        return images;
    }

    @Test
    void aChoiceKnowsTheFillsItMakesWhateverTheTrainingImages() {
        HoleFill colour = new HoleFill.Solid(new float[]{0.4f, 0.5f, 0.6f});
        HoleFill black = new HoleFill.Solid(new float[3]);
        assertTrue(HoleFill.Choice.MEAN.made(colour));
        assertTrue(HoleFill.Choice.ZERO.made(black));
        assertTrue(HoleFill.Choice.HARMONIC.made(new HoleFill.Harmonic()));
        for (HoleFill fill : List.of(black, new HoleFill.Harmonic(), new HoleFill.RingMean())) {
            assertFalse(HoleFill.Choice.MEAN.made(fill), fill.describe());
        }
        assertFalse(HoleFill.Choice.ZERO.made(colour));
        assertFalse(HoleFill.Choice.HARMONIC.made(colour));
    }

    @Test
    void theHarmonicFillRestoresAnImageThatIsItselfHarmonic() {
        // A plane is the mean of its four neighbours everywhere, so the hole's harmonic fill is the plane itself.
        float[] truth = planes();
        float[] covered = truth.clone();
        new HoleFill.Solid(new float[]{0.9f, 0.9f, 0.9f}).paint(covered, TWO, 0, 2, MASK);
        assertNotEquals(truth[(16 * 32) + 16], covered[(16 * 32) + 16], "the hole was painted over first");

        new HoleFill.Harmonic().paint(covered, TWO, 0, 2, MASK);

        assertArrayEquals(truth, covered, 1e-4f);
    }

    @Test
    void aSolidFillPaintsItsColourAndLeavesTheContext() {
        float[] images = planes();
        float[] covered = images.clone();
        new HoleFill.Solid(new float[]{0.2f, 0.4f, 0.6f}).paint(covered, TWO, 0, 2, MASK);
        assertEquals(0.6f, covered[((1 * 3 + 2) * 32 + 20) * 32 + 9]);   // image 1, blue, inside the hole
        assertEquals(images[5], covered[5]);                              // context untouched
    }

    @Test
    void aFillReadsBackWhatItWrote() {
        HoleFill solid = new HoleFill.Solid(new float[]{0.25f, 0.5f, 0.125f});
        assertEquals(solid, HoleFill.parse(solid.describe()));
        assertEquals(new HoleFill.Harmonic(), HoleFill.parse(new HoleFill.Harmonic().describe()));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> HoleFill.parse("0.5,0.5"));
        assertTrue(bad.getMessage().contains("harmonic"), bad.getMessage());
    }

    @Test
    void eachChoiceGivesItsFill() {
        byte[] pixels = new byte[3 * 32 * 32];
        Arrays.fill(pixels, (byte) 51);
        ImageSet grey = new ImageSet(pixels, null, 32, List.of());
        assertEquals(new HoleFill.Solid(new float[]{0.2f, 0.2f, 0.2f}), HoleFill.Choice.MEAN.forTraining(grey));
        assertEquals(new HoleFill.Solid(new float[3]), HoleFill.Choice.ZERO.forTraining(grey));
        assertEquals(new HoleFill.Harmonic(), HoleFill.Choice.HARMONIC.forTraining(grey));
        assertEquals(HoleFill.Choice.HARMONIC, HoleFill.Choice.parse(" Harmonic "));
    }

    @Test
    void theRingMeanReadsBackAndModelFilesKeepTheirText() {
        assertEquals(new HoleFill.RingMean(), HoleFill.parse(new HoleFill.RingMean().describe()));
        // what model files written before the fills were one idea hold
        assertEquals(new HoleFill.Solid(new float[]{0.4f, 0.5f, 0.6f}), HoleFill.parse("0.4,0.5,0.6"));
        assertEquals("0.4,0.5,0.6", new HoleFill.Solid(new float[]{0.4f, 0.5f, 0.6f}).describe());
        assertEquals("harmonic", new HoleFill.Harmonic().describe());
    }

    @Test
    void aFillReadsOnlyOutsideTheHole() {
        float[] images = planes();
        float[] scribbled = images.clone();
        new HoleFill.Solid(new float[]{0.9f, 0.1f, 0.5f}).paint(scribbled, TWO, 0, 2, MASK);
        for (HoleFill fill : List.of(new HoleFill.RingMean(), new HoleFill.Harmonic())) {
            assertArrayEquals(fill.patches(images, TWO, 0, 2, MASK), fill.patches(scribbled, TWO, 0, 2, MASK),
                    fill.describe());
        }
    }
}
