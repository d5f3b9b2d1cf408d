package org.contextencoder.mask;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaskTest {

    private static float[] ramp(int n, int size) {
        float[] x = new float[n * 3 * size * size];
        for (int i = 0; i < x.length; i++) x[i] = (i % 251) / 251f;
        return x;
    }

    @Test
    void theCentreHoleIsWhereThePaperPutsIt() {
        assertEquals(new Hole(8, 8, 16), new CenterMask(32, 16).hole(0));
        assertEquals(new Hole(48, 48, 32), new CenterMask(128, 32).hole(5));
        assertEquals(new Hole(32, 32, 64), new CenterMask(128, 64).hole(5));
    }

    @Test
    void aSolidFillPaintsExactlyTheHole() {
        Mask mask = new CenterMask(32, 16);
        float[] images = ramp(2, 32);
        float[] covered = images.clone();
        int[] idx = {0, 1};
        new HoleFill.Solid(new float[]{0.1f, 0.2f, 0.3f}).paint(covered, idx, 0, 2, mask);
        int changedOutside = 0;
        int inside = 0;
        for (int i = 0; i < 2; i++) {
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        int k = ((i * 3 + c) * 32 + y) * 32 + x;
                        boolean hole = y >= 8 && y < 24 && x >= 8 && x < 24;
                        if (hole) {
                            assertEquals(0.1f * (c + 1), covered[k], 1e-6);
                            inside++;
                        } else if (covered[k] != images[k]) {
                            changedOutside++;
                        }
                    }
                }
            }
        }
        assertEquals(2 * 3 * 16 * 16, inside);
        assertEquals(0, changedOutside);
    }

    @Test
    void cutThenPasteRestoresTheImage() {
        Mask mask = new RandomSquareMask(32, 10, 3);
        float[] images = ramp(3, 32);
        int[] idx = {4, 9, 2};
        float[] patches = new float[3 * 3 * 10 * 10];
        mask.cut(images, idx, 0, 3, patches);
        float[] damaged = images.clone();
        new HoleFill.Solid(new float[3]).paint(damaged, idx, 0, 3, mask);
        assertNotEquals(java.util.Arrays.toString(images), java.util.Arrays.toString(damaged));
        mask.paste(damaged, idx, 0, 3, patches);
        assertArrayEquals(images, damaged);
    }

    @Test
    void randomHolesAreReproducibleVariedAndInside() {
        RandomSquareMask a = new RandomSquareMask(32, 16, 11);
        RandomSquareMask b = new RandomSquareMask(32, 16, 11);
        long distinct = IntStream.range(0, 200).mapToObj(a::hole).distinct().count();
        assertTrue(distinct > 50, "holes vary between images: " + distinct);
        for (int i = 0; i < 200; i++) {
            Hole h = a.hole(i);
            assertEquals(h, b.hole(i));
            assertTrue(h.x() >= 0 && h.y() >= 0 && h.x() + 16 <= 32 && h.y() + 16 <= 32, h.toString());
        }
    }

    @Test
    void aHoleLargerThanTheImageIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CenterMask(32, 40));
        assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
    }
}
