package org.contextencoder.viz;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Grids of inpaintings with their labels: every label readable, grids with short labels aligned. */
class ImageGridTest {

    private static final int SIZE = 8;
    private static final int SCALE = 4;
    private static final int WHITE = 0xFFFFFF;
    private static final int RED = 0xFF0000;
    private static final String LONG = "landmark model+flip+poisson";

    /** {@code n} pure red images, NCHW floats in [0,1]. */
    private static float[] red(int n) {
        float[] pixels = new float[n * 3 * SIZE * SIZE];
        for (int i = 0; i < n; i++) {
            Arrays.fill(pixels, i * 3 * SIZE * SIZE, i * 3 * SIZE * SIZE + SIZE * SIZE, 1f);
        }
        return pixels;
    }

    /** The rightmost column left of {@code before} holding a pixel that is neither white nor red: the label's ink. */
    private static int rightmostInk(BufferedImage image, int before) {
        int rightmost = -1;
        for (int x = 0; x < before; x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                if (rgb != WHITE && rgb != RED) rightmost = x;
            }
        }
        return rightmost;
    }

    private static int firstRedColumn(BufferedImage image) {
        for (int x = 0; x < image.getWidth(); x++) {
            if ((image.getRGB(x, 4 + SIZE * SCALE / 2) & 0xFFFFFF) == RED) return x; // the first row's middle
        }
        throw new AssertionError("no image in the grid");
    }

    @Test
    void aLongLabelWidensTheLabelColumnInsteadOfBeingCoveredByTheImages() {
        BufferedImage grid = ImageGrid.of(SIZE).scale(SCALE).row(LONG, red(2), 2).toImage();
        int firstImage = firstRedColumn(grid);

        // The same label drawn alone, where nothing can cover it.
        BufferedImage alone = new BufferedImage(1000, grid.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = alone.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, alone.getWidth(), alone.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(ImageGrid.LABEL_FONT);
        g.setColor(Color.DARK_GRAY);
        g.drawString(LONG, 4, 4 + SIZE * SCALE / 2 + 5);
        g.dispose();
        int wholeLabel = rightmostInk(alone, alone.getWidth());

        assertTrue(wholeLabel > 120, "the label is longer than the default column (" + wholeLabel + " px)");
        assertEquals(wholeLabel, rightmostInk(grid, firstImage), "the label's last letter is drawn");
        assertTrue(wholeLabel < firstImage - 1, "a gap between the label and the first image");
    }

    @Test
    void shortLabelsKeepTheDefaultColumnSoGridsLineUp() {
        BufferedImage a = ImageGrid.of(SIZE).scale(SCALE).row("original", red(3), 3).toImage();
        BufferedImage b = ImageGrid.of(SIZE).scale(SCALE).row("harmonic", red(3), 3).row("masked", red(3), 3).toImage();
        assertEquals(firstRedColumn(a), firstRedColumn(b));
        assertEquals(120 + 4, firstRedColumn(a));
        assertEquals(120 + 3 * (SIZE * SCALE + 4) + 4, a.getWidth());
    }
}
