package org.contextencoder.eval;

import org.contextencoder.data.ImageSet;
import org.contextencoder.mask.Hole;
import org.contextencoder.mask.Mask;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SsimTest {

    private static final int[] ONE = {0};

    /** A mask with one given hole, for any image size. */
    static Mask holeAt(int imageSize, int x, int y, int side) {
        return new Mask() {
            public int imageSize() {
                return imageSize;
            }

            public int holeSize() {
                return side;
            }

            public Hole hole(int imageIndex) {
                return new Hole(x, y, side);
            }
        };
    }

    private static double ssim(float[] original, float[] composite, Mask mask) {
        Ssim ssim = new Ssim(mask.imageSize());
        ssim.add(original, composite, ONE, 0, 1, mask);
        return ssim.mean();
    }

    private static float[] constant(int size, float value) {
        float[] image = new float[3 * size * size];
        Arrays.fill(image, value);
        return image;
    }

    @Test
    void anImageAgainstItselfScoresOne() {
        float[] image = new float[3 * 32 * 32];
        for (int k = 0; k < image.length; k++) image[k] = (k * 37 % 101) / 100f;
        assertEquals(1, ssim(image, image.clone(), holeAt(32, 8, 8, 16)), 1e-12);
    }

    @Test
    void flatImagesScoreTheirLuminanceTermByHand() {
        // No variance anywhere: SSIM = (2 u v + C1) / (u² + v² + C1) with C1 = 0.01², at every position.
        double u = 0.4f;
        double v = 0.5f;
        double expected = (2 * u * v + 1e-4) / (u * u + v * v + 1e-4);
        assertEquals(expected, ssim(constant(16, 0.4f), constant(16, 0.5f), holeAt(16, 0, 0, 16)), 1e-12);
        assertEquals(0.97562, expected, 1e-5);
    }

    @Test
    void positionsWhoseWindowMissesTheHoleScoreOne() {
        // A 64 px flat image with a bright 2x2 hole in its corner: of the 54x54 positions scored, only the 2x2
        // whose window reaches it score below 1 (and above 0: no structure), so the mean is at least 1 - 4 / 54².
        float[] original = constant(64, 0.3f);
        float[] composite = original.clone();
        Mask mask = holeAt(64, 0, 0, 2);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 2; y++) for (int x = 0; x < 2; x++) composite[(c * 64 + y) * 64 + x] = 1;
        }
        double s = ssim(original, composite, mask);
        assertTrue(s < 1 && s >= 1 - 4 / (54.0 * 54), "only the 2x2 positions next to it: " + s);
    }

    @Test
    void agreesWithScikitImage() throws IOException {
        List<String> rows = resource("skimage.csv").lines().filter(l -> !l.startsWith("#")).skip(1).toList();
        assertEquals(7, rows.size());
        for (String row : rows) {
            String[] f = row.split(",");
            int size = Integer.parseInt(f[1]);
            Mask mask = holeAt(size, Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]));
            double measured = ssim(png(f[0] + "-original.png", size), png(f[0] + "-composite.png", size), mask);
            assertEquals(Double.parseDouble(f[5]), measured, 1e-4, f[0]);
        }
    }

    @Test
    void imagesSmallerThanTheWindowAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Ssim(10));
        assertTrue(e.getMessage().contains("at least 11x11"), e.getMessage());
    }

    /** A fixture PNG as the workbench decodes images: through an {@link ImageSet}'s bytes. */
    private static float[] png(String name, int size) throws IOException {
        BufferedImage image;
        try (InputStream in = SsimTest.class.getResourceAsStream("ssim/" + name)) {
            assertNotNull(in, name);
            image = ImageIO.read(in);
        }
        assertEquals(size, image.getWidth(), name);
        byte[] pixels = new byte[3 * size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int rgb = image.getRGB(x, y);
                for (int c = 0; c < 3; c++) pixels[(c * size + y) * size + x] = (byte) (rgb >> (16 - 8 * c));
            }
        }
        return new ImageSet(pixels, null, size, List.of()).floats(0, 1);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SsimTest.class.getResourceAsStream("ssim/" + name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
