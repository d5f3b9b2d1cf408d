package org.contextencoder.experiment;

import org.contextencoder.data.ImageFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PhotoSplitSeedTest {

    @Test
    void aRunsRecordedSplitSeedWinsOverItsTrainingSeed(@TempDir Path run) {
        new Manifest().put("seed", 7).put(PhotoSplitSeed.KEY, 42).write(run.resolve("manifest.properties"));
        assertEquals(42, PhotoSplitSeed.of(run));
    }

    @Test
    void aRunFromBeforeTheKeySplitByItsTrainingSeed(@TempDir Path run) {
        new Manifest().put("seed", 7).write(run.resolve("manifest.properties"));
        assertEquals(7, PhotoSplitSeed.of(run));
    }

    @Test
    void withoutARunTheDefaultSplitSeed(@TempDir Path dir) throws IOException {
        assertEquals(ImageFolder.SPLIT_SEED, PhotoSplitSeed.of(dir));
        assertEquals(ImageFolder.SPLIT_SEED, PhotoSplitSeed.of(Files.createDirectories(dir.resolve("models"))));
    }
}
