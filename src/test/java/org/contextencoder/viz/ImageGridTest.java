package org.contextencoder.viz;

import org.contextencoder.TestPhotos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageGridTest {

    private static final BufferedImage IMAGE = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);

    @Test
    void aPngReplacesAnEarlierFileAndLeavesNoTemporaryOne(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("out.png"), "an earlier file");
        ImageGrid.savePng(IMAGE, file);
        assertEquals(4, ImageIO.read(file.toFile()).getWidth());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aFolderIsNeitherReplacedNorReportedWithAStackTrace(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path full = Files.createDirectories(dir.resolve("full"));
        Files.writeString(full.resolve("keep.txt"), "mine");
        for (Path folder : new Path[]{empty, full}) {
            UncheckedIOException[] thrown = new UncheckedIOException[1];
            String printed = TestPhotos.stderrOf(() -> thrown[0] = assertThrows(UncheckedIOException.class,
                    () -> ImageGrid.savePng(IMAGE, folder)));
            assertEquals("", printed, "ImageIO printed a stack trace");
            assertTrue(thrown[0].getMessage().startsWith("could not write " + folder + " (it is a folder)"),
                    thrown[0].getMessage());
            assertTrue(Files.isDirectory(folder));
        }
        assertEquals("mine", Files.readString(full.resolve("keep.txt")));
    }
}
