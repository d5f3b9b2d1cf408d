package org.contextencoder.viz;

import org.contextencoder.data.ImageSet;
import org.contextencoder.eval.Baseline;
import org.contextencoder.mask.CenterMask;
import org.contextencoder.mask.Hole;
import org.contextencoder.mask.Mask;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
        BufferedImage image = InpaintingGrid.render(WHITE, InpaintingGrid.first(WHITE, 5), new CenterMask(8, 4),
                List.of());
        // 8 px images are enlarged 16x: two rows of 128 px cells plus gaps.
        assertEquals(2 * (128 + 4) + 4, image.getHeight());
        assertRow(image, 0, WHITE_RGB, "original");
        assertRow(image, 1, GREY_RGB, "masked");
    }

    @Test
    void eachInpainterHasARowWithItsPredictionInTheHole() {
        BufferedImage image = InpaintingGrid.render(WHITE, InpaintingGrid.first(WHITE, 2), new CenterMask(8, 4),
                List.of(Baseline.trainMean(new float[3]), Baseline.trainMean(new float[]{1, 0, 0})));
        assertEquals(4 * (128 + 4) + 4, image.getHeight());
        assertRow(image, 2, 0x000000, "black fill");
        assertRow(image, 3, 0xFF0000, "red fill");
    }

    @Test
    void closeUpEachImageIsCutToItsHoleWithHalfAHoleAroundAndEnlarged() {
        CenterMask mask = new CenterMask(16, 4); // hole at 6..9: the window is 4..11
        BufferedImage close = InpaintingGrid.aroundHoles(GRADIENT, new int[]{0}, mask,
                List.of(Baseline.trainMean(new float[3])), 70);

        assertEquals(3 * (64 + 4) + 4, close.getHeight(), "8 px windows enlarged 8x, the most that fits 70 px");
        int left = close.getWidth() - (64 + 4);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                int original = close.getRGB(left + x * 8 + 4, 4 + y * 8 + 4) & 0xFFFFFF;
                int filled = close.getRGB(left + x * 8 + 4, 4 + 2 * (64 + 4) + y * 8 + 4) & 0xFFFFFF;
                boolean inHole = x >= 2 && x < 6 && y >= 2 && y < 6;
                assertEquals(Integer.toHexString(gradient(4 + x, 4 + y)), Integer.toHexString(original), x + "," + y);
                assertEquals(Integer.toHexString(inHole ? 0 : gradient(4 + x, 4 + y)), Integer.toHexString(filled));
            }
        }
    }

    @Test
    void closeUpAWindowThatWouldLeaveTheImageIsMovedInsideIt() {
        Mask corner = new Mask() {
            public int imageSize() {
                return 16;
            }

            public int holeSize() {
                return 4;
            }

            public Hole hole(int imageIndex) {
                return new Hole(1, 12, 4);
            }
        };
        BufferedImage close = InpaintingGrid.aroundHoles(GRADIENT, new int[]{0}, corner, List.of(), 8);

        int left = close.getWidth() - (8 + 4);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                assertEquals(Integer.toHexString(gradient(x, 8 + y)),
                        Integer.toHexString(close.getRGB(left + x, 4 + y) & 0xFFFFFF), x + "," + y);
            }
        }
    }

    @Test
    void closeUpAnImageNoLargerThanTwiceItsHoleIsShownWhole() {
        int[] both = InpaintingGrid.first(WHITE, 2);
        List<Baseline> black = List.of(Baseline.trainMean(new float[3]));
        CenterMask mask = new CenterMask(8, 4);

        assertPixelsEqual(InpaintingGrid.render(WHITE, both, mask, black),
                InpaintingGrid.aroundHoles(WHITE, both, mask, black, 128));
    }

    /** One 16x16 image: red = 16 x, green = 16 y, blue 0. */
    private static final ImageSet GRADIENT = new ImageSet(gradientPixels(), null, 16, List.of());

    private static byte[] gradientPixels() {
        byte[] b = new byte[3 * 256];
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                b[y * 16 + x] = (byte) (16 * x);
                b[256 + y * 16 + x] = (byte) (16 * y);
            }
        }
        return b;
    }

    private static int gradient(int x, int y) {
        return (16 * x) << 16 | (16 * y) << 8;
    }

    private static final int WHITE_RGB = 0xFFFFFF;
    /** 0.5 shown at its nearest level, 128. */
    private static final int GREY_RGB = 0x808080;

    /** Both images of a row: white outside the 4x4 centre hole, {@code hole} inside it (one pixel = 16x16). */
    private static void assertRow(BufferedImage grid, int row, int hole, String what) {
        int cell = 128 + 4;
        int left = grid.getWidth() - 2 * cell; // the cells end the grid, after the labels
        for (int column = 0; column < 2; column++) {
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    boolean inHole = x >= 2 && x < 6 && y >= 2 && y < 6;
                    int rgb = grid.getRGB(left + column * cell + x * 16 + 8, 4 + row * cell + y * 16 + 8) & 0xFFFFFF;
                    assertEquals(Integer.toHexString(inHole ? hole : WHITE_RGB), Integer.toHexString(rgb),
                            what + ", image " + column + ", pixel " + x + "," + y);
                }
            }
        }
    }

    @Test
    void theShortFormDrawsTheFirstImagesExactlyAsTheLongFormDoes() {
        byte[] pixels = new byte[3 * 3 * 64];
        for (int i = 0; i < pixels.length; i++) pixels[i] = (byte) (i * 37);
        ImageSet three = new ImageSet(pixels, null, 8, List.of());
        CenterMask mask = new CenterMask(8, 4);
        List<Baseline> fills = List.of(Baseline.harmonic());

        BufferedImage shortForm = InpaintingGrid.render(three, 2, mask, fills);
        BufferedImage longForm = InpaintingGrid.render(three, new int[]{0, 1}, mask, fills);

        assertPixelsEqual(longForm, shortForm);
        assertPixelsEqual(InpaintingGrid.render(three, new int[]{0, 1, 2}, mask, fills),
                InpaintingGrid.render(three, 8, mask, fills));
    }

    private static void assertPixelsEqual(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getWidth(), actual.getWidth(), "width");
        assertEquals(expected.getHeight(), actual.getHeight(), "height");
        assertArrayEquals(expected.getRGB(0, 0, expected.getWidth(), expected.getHeight(), null, 0, expected.getWidth()),
                actual.getRGB(0, 0, actual.getWidth(), actual.getHeight(), null, 0, actual.getWidth()));
    }
}
