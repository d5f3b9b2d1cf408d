package org.contextencoder.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunFolderTest {

    @Test
    void aMissingRunSaysToTrainItWithTheTrainCommandOrItsNotebook(@TempDir Path dir) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RunFolder.model(dir.resolve("general")));
        assertEquals("no model.zip in " + dir.resolve("general") + ": train that run first (the train command with"
                + " --out " + dir.resolve("general") + ", or the notebook that trains it)", e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> RunFolder.metrics(dir.resolve("landmark-hole64")));
        assertTrue(e.getMessage().startsWith("no metrics.csv in "), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> RunFolder.history(dir.resolve("mine")));
        assertTrue(e.getMessage().startsWith("no history.csv in "), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> RunFolder.manifest(dir.resolve("mine")));
        assertTrue(e.getMessage().startsWith("no manifest.properties in "), e.getMessage());
    }

    @Test
    void oneRunsManifestIsReadAsItIs(@TempDir Path dir) {
        Path run = dir.resolve("truck");
        new Manifest().put("seed", 42).put("hole", 16).write(run.resolve("manifest.properties"));
        assertEquals(Map.of("seed", "42", "hole", "16"), RunFolder.manifest(List.of(run)).entries());
    }

    @Test
    void severalRunsManifestsArePrefixedWithTheirFolders(@TempDir Path dir) throws Exception {
        Path small = dir.resolve("landmark");
        Path big = dir.resolve("landmark-hole64");
        new Manifest().put("hole", 32).write(small.resolve("manifest.properties"));
        new Manifest().put("hole", 64).write(big.resolve("manifest.properties"));

        Manifest combined = RunFolder.manifest(List.of(small, big));

        assertEquals(Map.of("landmark.hole", "32", "landmark-hole64.hole", "64"), combined.entries());
        Files.delete(big.resolve("manifest.properties"));
        assertThrows(IllegalStateException.class, () -> RunFolder.manifest(List.of(small, big)));
    }
}
