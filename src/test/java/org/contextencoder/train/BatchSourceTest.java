package org.contextencoder.train;

import org.contextencoder.data.ImageSet;
import org.contextencoder.mask.CenterMask;
import org.contextencoder.mask.Hole;
import org.contextencoder.mask.HoleFill;
import org.contextencoder.mask.RandomSquareMask;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchSourceTest {

    private static final HoleFill BLACK = new HoleFill.Solid(new float[3]);

    /** 40 generated 8x8 images whose pixels encode image, channel, row and column. */
    private static ImageSet images() {
        byte[] px = new byte[40 * 3 * 64];
        for (int i = 0; i < px.length; i++) px[i] = (byte) ((i * 37) % 251);
        return new ImageSet(px, null, 8, List.of());
    }

    private static float[] features(BatchSource source) {
        return source.next().features().data().asFloat();
    }

    @Test
    void batchesCoverTheHoleAndTargetItsTruePixels() {
        ImageSet set = images();
        CenterMask mask = new CenterMask(8, 4);
        int[] order = {3, 1};
        try (BatchSource source = new BatchSource(set, mask, new HoleFill.Solid(new float[]{0.25f, 0.5f, 0.75f}), order, 2,
                null)) {
            assertEquals(1, source.batches());
            Batch b = source.next();
            assertFalse(source.hasNext());
            float[] f = b.features().data().asFloat();
            float[] t = b.labels().data().asFloat();
            assertEquals(0.25f, f[2 * 8 + 2]);                         // image 3, red, inside the hole
            assertEquals(set.pixel(3, 0, 0, 0) / 255f, f[0], 1e-6);    // outside: the image itself
            assertEquals(set.pixel(1, 2, 5, 5) / 255f, t[(3 + 2) * 16 + 3 * 4 + 3], 1e-6); // image 1, blue, hole (3,3)
        }
    }

    @Test
    void randomHolesAreCoveredAndTargetedWhereverEachImageHasItsHole() {
        ImageSet set = images();
        RandomSquareMask mask = new RandomSquareMask(8, 3, 5);
        float[] colour = {0.25f, 0.5f, 0.75f};
        int[] order = java.util.stream.IntStream.range(0, 40).toArray();
        try (BatchSource source = new BatchSource(set, mask, new HoleFill.Solid(colour), order, 40, null)) {
            Batch b = source.next();
            float[] f = b.features().data().asFloat();
            float[] t = b.labels().data().asFloat();
            java.util.Set<Hole> places = new java.util.HashSet<>();
            for (int i = 0; i < 40; i++) {
                Hole h = mask.hole(i);
                places.add(h);
                for (int c = 0; c < 3; c++) {
                    for (int y = 0; y < 8; y++) {
                        for (int x = 0; x < 8; x++) {
                            boolean inHole = x >= h.x() && x < h.x() + 3 && y >= h.y() && y < h.y() + 3;
                            float expected = inHole ? colour[c] : set.pixel(i, c, y, x) / 255f;
                            assertEquals(expected, f[((i * 3 + c) * 8 + y) * 8 + x], 1e-6, "image " + i);
                            if (inHole) {
                                assertEquals(set.pixel(i, c, y, x) / 255f,
                                        t[((i * 3 + c) * 3 + y - h.y()) * 3 + x - h.x()], 1e-6, "target " + i);
                            }
                        }
                    }
                }
            }
            assertTrue(places.size() > 10, "the holes are in many places: " + places);
        }
    }

    @Test
    void flipsMirrorAboutHalfTheImagesReproducibly() {
        ImageSet set = images();
        CenterMask mask = new CenterMask(8, 2);
        int[] order = java.util.stream.IntStream.range(0, 40).toArray();
        float[] plain;
        float[] flipped;
        float[] again;
        try (BatchSource s = new BatchSource(set, mask, BLACK, order, 40, null)) {
            plain = features(s);
        }
        try (BatchSource s = new BatchSource(set, mask, BLACK, order, 40, 5L)) {
            flipped = features(s);
        }
        try (BatchSource s = new BatchSource(set, mask, BLACK, order, 40, 5L)) {
            again = features(s);
        }
        assertArrayEquals(flipped, again);
        int mirrored = 0;
        for (int i = 0; i < 40; i++) {
            boolean same = true;
            boolean mirror = true;
            for (int k = 0; k < 3 * 64; k++) {
                int row = k / 8;
                int col = k % 8;
                float f = flipped[i * 192 + k];
                same &= f == plain[i * 192 + k];
                mirror &= f == plain[i * 192 + row * 8 + (7 - col)];
            }
            assertTrue(same || mirror, "image " + i + " is either untouched or mirrored");
            if (mirror && !same) mirrored++;
        }
        assertTrue(mirrored > 10 && mirrored < 30, mirrored + " of 40 mirrored");
    }
}
