package org.contextencoder.data;

import org.contextencoder.TestPhotos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhotoReaderTest {

    @Test
    void readsAnOrdinaryPhotoPixelForPixel(@TempDir Path dir) throws IOException {
        BufferedImage written = TestPhotos.photo(dir.resolve("p.png"), 40, 30, 1);
        BufferedImage read = PhotoReader.read(dir.resolve("p.png"), PhotoReader.budgetForOnePhoto());
        assertEquals(40, read.getWidth());
        assertEquals(written.getRGB(17, 9), read.getRGB(17, 9));
    }

    @Test
    void aDeclaredSizeBeyondTheBudgetIsRefusedBeforeDecoding(@TempDir Path dir) throws IOException {
        Path huge = dir.resolve("huge.png");
        TestPhotos.pngDeclaring(huge, 25000, 25000);
        assertTrue(Files.size(huge) < 1000);
        // Decoding would fail on the missing pixel rows; "too large" shows the size was checked first.
        PhotoReader.UnusablePhotoException e = assertThrows(PhotoReader.UnusablePhotoException.class,
                () -> PhotoReader.read(huge, 1L << 30));
        assertEquals(PhotoReader.Problem.TOO_LARGE, e.problem());
        assertTrue(e.getMessage().contains("25000x25000 pixels: decoding it needs 2,458 MB of memory and 1,024 MB"),
                e.getMessage());
        PhotoReader.UnusablePhotoException beyondJava = assertThrows(PhotoReader.UnusablePhotoException.class,
                () -> PhotoReader.read(writePng(dir, 100_000, 100_000), Long.MAX_VALUE));
        assertTrue(beyondJava.getMessage().contains("more than a Java image can hold"), beyondJava.getMessage());
    }

    private static Path writePng(Path dir, int w, int h) throws IOException {
        Path file = dir.resolve(w + "x" + h + ".png");
        TestPhotos.pngDeclaring(file, w, h);
        return file;
    }

    @Test
    void aJpegCutShortIsDamagedNotHalfGrey(@TempDir Path dir) throws IOException {
        Path cut = dir.resolve("cut.jpg");
        TestPhotos.cutJpeg(cut);
        PhotoReader.UnusablePhotoException e = assertThrows(PhotoReader.UnusablePhotoException.class,
                () -> PhotoReader.read(cut, PhotoReader.budgetForOnePhoto()));
        assertEquals(PhotoReader.Problem.UNREADABLE, e.problem());
        assertTrue(e.getMessage().contains("cut short"), e.getMessage());
    }

    @Test
    void aFileThatIsNoImageOrMissingSaysSo(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.png"), "not a picture");
        assertTrue(assertThrows(PhotoReader.UnusablePhotoException.class,
                () -> PhotoReader.read(dir.resolve("notes.png"), PhotoReader.budgetForOnePhoto())).getMessage()
                .contains("not a JPEG or PNG image"));
        assertTrue(assertThrows(PhotoReader.UnusablePhotoException.class,
                () -> PhotoReader.read(dir.resolve("none.jpg"), PhotoReader.budgetForOnePhoto())).getMessage()
                .contains("missing or not readable"));
    }
}
