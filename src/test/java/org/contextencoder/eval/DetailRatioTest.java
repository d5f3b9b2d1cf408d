package org.contextencoder.eval;

import org.contextencoder.mask.CenterMask;
import org.contextencoder.mask.Mask;
import org.junit.jupiter.api.Test;

import java.util.function.IntToDoubleFunction;

import static org.contextencoder.eval.SsimTest.holeAt;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DetailRatioTest {

    private static final int[] ONE = {0};

    /** A {@code size} px image whose every channel is {@code value(x)} at column x. */
    static float[] columns(int size, IntToDoubleFunction value) {
        float[] image = new float[3 * size * size];
        for (int k = 0; k < image.length; k++) image[k] = (float) value.applyAsDouble(k % size);
        return image;
    }

    /** {@code image} with its hole painted by {@code fill(x, y)}: the composited image. */
    static float[] filled(float[] image, int size, Mask mask, FillAt fill) {
        float[] composite = image.clone();
        var h = mask.hole(0);
        for (int c = 0; c < 3; c++)
            for (int y = h.y(); y < h.y() + h.size(); y++)
                for (int x = h.x(); x < h.x() + h.size(); x++) composite[(c * size + y) * size + x] = fill.at(x, y);
        return composite;
    }

    interface FillAt {
        float at(int x, int y);
    }

    private static double ratio(float[] original, float[] composite, Mask mask) {
        DetailRatio detail = new DetailRatio();
        detail.add(original, composite, ONE, 0, 1, mask);
        return detail.ratio();
    }

    @Test
    void aPerfectFillHasTheOriginalsDetail() {
        float[] stripes = columns(32, x -> x % 2);
        assertEquals(1, ratio(stripes, stripes.clone(), new CenterMask(32, 16)));
    }

    @Test
    void aFlatFillOfStripesKeepsOnlyItsSeams() {
        // Black and white columns: the 17 horizontal pairs per hole row that touch the hole each differ by 1
        // (16 rows: 272), the vertical pairs by 0. Filled with 0.5, only the pairs across the border differ,
        // by 0.5: 2 per row horizontally, 16 columns above and below: 64 x 0.25 = 16.
        float[] stripes = columns(32, x -> x % 2);
        Mask mask = new CenterMask(32, 16);
        assertEquals(16.0 / 272, ratio(stripes, filled(stripes, 32, mask, (x, y) -> 0.5f), mask), 1e-12);
    }

    @Test
    void aSeamAtTheBorderRaisesIt() {
        // Faint stripes (0.4 and 0.5), and a fill with the same stripes 0.3 brighter: the same detail inside,
        // plus the step at the border. Original: 17 pairs of 0.01 a row, 16 rows = 2.72. Composited: 15 inner
        // pairs of 0.01, the left border pair 0.2² and the right one 0.4² a row (5.6), and the 32 vertical border
        // pairs 0.3² each (2.88).
        float[] stripes = columns(32, x -> 0.4 + 0.1 * (x % 2));
        Mask mask = new CenterMask(32, 16);
        float[] brighter = filled(stripes, 32, mask, (x, y) -> stripes[y * 32 + x] + 0.3f);
        assertEquals(8.48 / 2.72, ratio(stripes, brighter, mask), 1e-5);
    }

    @Test
    void pairsBeyondTheImageBorderAreLeftOut() {
        // A checkerboard: every pair differs by 1. A 2x2 hole in the corner of a 4x4 image touches 4 horizontal
        // and 4 vertical pairs (8); filled with 0.5, the 4 pairs leaving the hole differ by 0.5 (4 x 0.25 = 1).
        float[] board = new float[3 * 16];
        for (int k = 0; k < board.length; k++) board[k] = (k % 4 + k / 4 % 4) % 2;
        Mask corner = holeAt(4, 0, 0, 2);
        assertEquals(1.0 / 8, ratio(board, filled(board, 4, corner, (x, y) -> 0.5f), corner), 1e-12);
    }

    @Test
    void itPoolsTheSumsOverImagesRatherThanAveragingRatios() {
        // Image 1: the stripes above (16 / 272); image 2: flat 0.4 filled with 0.5, no detail of its own and a
        // seam of 64 pairs x 0.01. Pooled: (16 + 0.64) / 272 per channel.
        Mask mask = new CenterMask(32, 16);
        float[] stripes = columns(32, x -> x % 2);
        float[] flat = columns(32, x -> 0.4f);
        float[] originals = concat(stripes, flat);
        float[] composites = concat(filled(stripes, 32, mask, (x, y) -> 0.5f), filled(flat, 32, mask, (x, y) -> 0.5f));
        DetailRatio detail = new DetailRatio();
        detail.add(originals, composites, new int[]{0, 1}, 0, 2, mask);
        assertEquals((16 + 0.64) / 272, detail.ratio(), 1e-6);
    }

    static float[] concat(float[] a, float[] b) {
        float[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
