package org.contextencoder.viz;

import org.contextencoder.data.ImageSet;
import org.contextencoder.mask.CenterMask;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InpaintingGridTest {

    /** Two 8x8 images, every byte 255 (white). */
    private static final ImageSet WHITE = new ImageSet(filled(2 * 3 * 64), null, 8, List.of());

    private static byte[] filled(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 255);
        return b;
    }

    @Test
    void maskedImagesAreGreyInTheHoleAndUntouchedOutside() {
        float[] masked = InpaintingGrid.masked(WHITE, new int[]{1}, new CenterMask(8, 4));

        assertEquals(3 * 64, masked.length, "one image, the one asked for");
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    boolean hole = y >= 2 && y < 6 && x >= 2 && x < 6;
                    assertEquals(hole ? 0.5f : 1f, masked[(c * 8 + y) * 8 + x], "c" + c + " y" + y + " x" + x);
                }
            }
        }
    }

    @Test
    void aGridWithoutInpaintersShowsTheOriginalAndMaskedRows() {
        var image = InpaintingGrid.render(WHITE, InpaintingGrid.first(WHITE, 5), new CenterMask(8, 4), List.of());
        // 8 px images are enlarged 16x: two rows of 128 px cells plus gaps.
        assertEquals(2 * (128 + 4) + 4, image.getHeight());
    }
}
