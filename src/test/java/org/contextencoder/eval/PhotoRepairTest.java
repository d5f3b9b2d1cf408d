package org.contextencoder.eval;

import org.contextencoder.io.AtomicFiles;
import org.contextencoder.mask.HoleFill;
import org.contextencoder.model.Architecture;
import org.contextencoder.model.InpaintingModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.Adam;

import javax.imageio.ImageIO;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhotoRepairTest {

    private static PhotoRepair repair;

    @BeforeAll
    static void untrainedModel() {
        repair = new PhotoRepair(new InpaintingModel(Architecture.CE32.build(3, new Adam(1e-3), 0, 16),
                Architecture.CE32, 16, new HoleFill.Solid(new float[]{0.5f, 0.5f, 0.5f})));
    }

    /** Random colours and random alpha, a quarter of the pixels fully transparent. */
    private static BufferedImage translucentPhoto(int w, int h) {
        Random random = new Random(5);
        BufferedImage photo = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int alpha = random.nextInt(4) == 0 ? 0 : random.nextInt(256);
                photo.setRGB(x, y, alpha << 24 | random.nextInt(1 << 24));
            }
        }
        return photo;
    }

    @Test
    void everyPixelOutsideTheBoxIsKeptAlphaIncludedThroughThePngFile(@TempDir Path dir) throws IOException {
        BufferedImage photo = translucentPhoto(96, 72);
        Rectangle box = new Rectangle(30, 20, 12, 21); // not square: predicted as a 21 px square, pasted in the box
        AtomicFiles.writePng(dir.resolve("out.png"), repair.repair(photo, box));
        BufferedImage back = ImageIO.read(dir.resolve("out.png").toFile());
        int changedInside = 0;
        for (int y = 0; y < photo.getHeight(); y++) {
            for (int x = 0; x < photo.getWidth(); x++) {
                if (box.contains(x, y)) {
                    assertEquals(0xFF, back.getRGB(x, y) >>> 24, "repaired pixels are opaque");
                    if (back.getRGB(x, y) != photo.getRGB(x, y)) changedInside++;
                } else {
                    assertEquals(Integer.toHexString(photo.getRGB(x, y)), Integer.toHexString(back.getRGB(x, y)),
                            "pixel " + x + "," + y + " outside the box");
                }
            }
        }
        assertTrue(changedInside > box.width * box.height / 2, changedInside + " pixels repainted");
    }

    @Test
    void aBoxWhoseEdgeOverflowsAnIntIsOutsideThePhoto() {
        BufferedImage photo = translucentPhoto(64, 48);
        for (Rectangle box : new Rectangle[]{new Rectangle(Integer.MAX_VALUE, 0, 10, 10),
                new Rectangle(0, Integer.MAX_VALUE - 5, 10, 10), new Rectangle(5, 5, Integer.MAX_VALUE, 10)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> repair.repair(photo, box));
            assertTrue(e.getMessage().contains("does not lie inside the 64x48 photo"), e.getMessage());
        }
    }
}
