package org.contextencoder.io;

import org.contextencoder.TestPhotos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFilesTest {

    private static final BufferedImage IMAGE = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);

    @Test
    void aPngReplacesAnEarlierFileAndLeavesNoTemporaryOne(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("out.png"), "an earlier file");
        AtomicFiles.writePng(file, IMAGE);
        assertEquals(4, ImageIO.read(file.toFile()).getWidth());
        assertEquals(List.of(file), files(dir));
    }

    @Test
    void aFolderIsNeitherReplacedNorReportedWithAStackTrace(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path full = Files.createDirectories(dir.resolve("full"));
        Files.writeString(full.resolve("keep.txt"), "mine");
        for (Path folder : new Path[]{empty, full}) {
            UncheckedIOException[] thrown = new UncheckedIOException[1];
            String printed = TestPhotos.stderrOf(() -> thrown[0] = assertThrows(UncheckedIOException.class,
                    () -> AtomicFiles.writePng(folder, IMAGE)));
            assertEquals("", printed, "ImageIO printed a stack trace");
            assertTrue(thrown[0].getMessage().startsWith("could not write " + folder + " (it is a folder)"),
                    thrown[0].getMessage());
            assertTrue(Files.isDirectory(folder));
        }
        assertEquals("mine", Files.readString(full.resolve("keep.txt")));
    }

    @Test
    void aWriteThatFailsHalfWayKeepsTheEarlierFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("history.csv"), "epoch 1");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(file, temporary -> {
            Files.writeString(temporary, "epoch 1\nepo");
            throw new IOException("disk full");
        }));
        assertEquals("could not write " + file + " (disk full): give the path of a file in a folder you can write to",
                e.getMessage());
        assertEquals("epoch 1", Files.readString(file));
        assertEquals(List.of(file), files(dir));
    }

    @Test
    void everyKindOfFileIsAsReadableAsAnyNewFileAndMadeWithItsFolders(@TempDir Path dir) throws IOException {
        Path reference = Files.writeString(dir.resolve("reference.txt"), "made the ordinary way");
        Path out = dir.resolve("new").resolve("folder");
        AtomicFiles.write(out.resolve("config.properties"), "seed=42\n");
        AtomicFiles.writePng(out.resolve("grid.png"), IMAGE);
        AtomicFiles.writePng(out.resolve("loss.png"), new XYChartBuilder().width(60).height(40).build());
        AtomicFiles.writeCsv(out.resolve("metrics.csv"), Table.create("t", IntColumn.create("epoch", 1, 2)));

        assertEquals("seed=42\n", Files.readString(out.resolve("config.properties")));
        assertEquals(60, ImageIO.read(out.resolve("loss.png").toFile()).getWidth());
        assertEquals(List.of("epoch", "1", "2"), Files.readAllLines(out.resolve("metrics.csv")));
        for (Path file : files(out)) {
            assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(file),
                    file.getFileName().toString());
        }
        assertEquals(4, files(out).size(), "no temporary file left");
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
