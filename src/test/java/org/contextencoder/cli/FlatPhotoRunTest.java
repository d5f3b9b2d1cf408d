package org.contextencoder.cli;

import org.contextencoder.TestPhotos;
import org.contextencoder.experiment.Manifest;
import org.contextencoder.experiment.PhotoSplitSeed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A landmark run on a flat folder of photos, trained with a seed other than the default: evaluate and baselines
 * must score the test photos the run held out, which the scores in its metrics.csv were computed on. It validates
 * on the test split, so that its training mean is that of the whole training split, as baselines takes it.
 */
class FlatPhotoRunTest {

    @TempDir
    static Path dir;
    private static Path data;
    private static Path run;

    @BeforeAll
    static void trainOnAFlatFolder() throws IOException {
        data = dir.resolve("data");
        Path scenes = Files.createDirectories(data.resolve("scenes"));
        for (int i = 0; i < 20; i++) TestPhotos.photo(scenes.resolve("p" + i + ".png"), 136, 136, i);
        run = dir.resolve("run");
        CommandLineTest.Result r = CommandLineTest.cli("train", "--experiment", "landmark", "--seed", "7",
                "--epochs", "1", "--batch", "8", "--data-dir", data.toString(), "--out", run.toString(),
                "--validation", "test");
        assertEquals(0, r.code(), r.out() + r.err());
    }

    /** The masked MSE metrics.csv gives a method on the test split, as the commands print it. */
    private static String testMse(String method) throws IOException {
        List<String> lines = Files.readAllLines(run.resolve("metrics.csv"));
        List<String> header = Arrays.asList(lines.get(0).split(","));
        for (String line : lines) {
            List<String> cells = Arrays.asList(line.split(","));
            if (cells.get(header.indexOf("split")).equals("test")
                    && cells.get(header.indexOf("method")).equals(method)) {
                return String.format(Locale.ROOT, "%.5f", Double.parseDouble(cells.get(header.indexOf("masked_mse"))));
            }
        }
        throw new AssertionError("no test row for " + method + " in " + lines);
    }

    @Test
    void theRunRecordsItsSplitSeed() {
        assertEquals("42", Manifest.read(run.resolve("manifest.properties")).entries().get(PhotoSplitSeed.KEY));
    }

    @Test
    void evaluateScoresTheRunsOwnTestPhotos() throws IOException {
        CommandLineTest.Result r = CommandLineTest.cli("evaluate", "--model", run.resolve("model.zip").toString(),
                "--experiment", "landmark", "--split", "test", "--data-dir", data.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("4 images: masked MSE " + testMse("context-encoder")), r.out());
    }

    @Test
    void baselinesScoreTheSameTestPhotosWithTheSameTrainingMean() throws IOException {
        CommandLineTest.Result r = CommandLineTest.cli("baselines", "--experiment", "landmark", "--split", "test",
                "--data-dir", data.toString());
        assertEquals(0, r.code(), r.err());
        for (String method : List.of("train-mean", "ring-mean", "harmonic")) {
            assertTrue(r.out().contains(String.format(Locale.ROOT, "%-10s masked MSE %s", method, testMse(method))),
                    method + " in\n" + r.out());
        }
    }
}
