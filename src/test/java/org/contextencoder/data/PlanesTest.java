package org.contextencoder.data;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PlanesTest {

    @Test
    void aPictureBecomesAnImageSetsPlanesAndComesBackUnchanged() {
        BufferedImage picture = new BufferedImage(5, 5, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(3);
        for (int y = 0; y < 5; y++) for (int x = 0; x < 5; x++) picture.setRGB(x, y, random.nextInt(1 << 24));
        byte[] pixels = new byte[2 * 3 * 25];
        Planes.write(picture, pixels, 1);
        ImageSet set = new ImageSet(pixels, null, 5, List.of());
        int rgb = picture.getRGB(3, 2);
        assertEquals((rgb >> 16) & 0xFF, set.pixel(1, 0, 2, 3));
        assertEquals((rgb >> 8) & 0xFF, set.pixel(1, 1, 2, 3));
        assertEquals(rgb & 0xFF, set.pixel(1, 2, 2, 3));

        float[] floats = Planes.floats(picture);
        assertArrayEquals(set.floats(1, 1), floats, "a photo reaches a model as a data set's image does");
        BufferedImage back = Planes.picture(floats, 0, 5);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 5; x++) assertEquals(picture.getRGB(x, y), back.getRGB(x, y), x + "," + y);
        }
    }

    @Test
    void onlyASquarePictureIsOneImage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Planes.floats(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB)));
        assertEquals("a 4x3 picture is not square", e.getMessage());
    }
}
