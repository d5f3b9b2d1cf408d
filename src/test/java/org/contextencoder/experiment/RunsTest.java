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

class RunsTest {

    @Test
    void aMissingRunNamesTheNotebookThatWritesIt(@TempDir Path dir) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Runs.model(dir.resolve("general")));
        assertTrue(e.getMessage().contains("no model.zip in " + dir.resolve("general")), e.getMessage());
        assertTrue(e.getMessage().contains("notebooks/01-general-class.ipynb"), e.getMessage());

        e = assertThrows(IllegalStateException.class, () -> Runs.metrics(dir.resolve("landmark-hole64")));
        assertTrue(e.getMessage().contains("notebooks/03-landmark.ipynb"), e.getMessage());

        e = assertThrows(IllegalStateException.class, () -> Runs.history(dir.resolve("truck-unet32")));
        assertTrue(e.getMessage().contains("notebooks/07-beyond-the-paper.ipynb"), e.getMessage());
    }

    @Test
    void aFolderNoNotebookWritesStillSaysWhatToRun(@TempDir Path dir) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Runs.history(dir.resolve("mine")));
        assertTrue(e.getMessage().contains("no history.csv"), e.getMessage());
        assertTrue(e.getMessage().contains("--out " + dir.resolve("mine")), e.getMessage());
    }

    @Test
    void oneRunsManifestIsReadAsItIs(@TempDir Path dir) {
        Path run = dir.resolve("truck");
        new Manifest().put("seed", 42).put("hole", 16).write(run.resolve("manifest.properties"));
        assertEquals(Map.of("seed", "42", "hole", "16"), Runs.manifest(List.of(run)).entries());
    }

    @Test
    void severalRunsManifestsArePrefixedWithTheirFolders(@TempDir Path dir) throws Exception {
        Path small = dir.resolve("landmark");
        Path big = dir.resolve("landmark-hole64");
        new Manifest().put("hole", 32).write(small.resolve("manifest.properties"));
        new Manifest().put("hole", 64).write(big.resolve("manifest.properties"));

        Manifest combined = Runs.manifest(List.of(small, big));

        assertEquals(Map.of("landmark.hole", "32", "landmark-hole64.hole", "64"), combined.entries());
        Files.delete(big.resolve("manifest.properties"));
        assertThrows(IllegalStateException.class, () -> Runs.manifest(List.of(small, big)));
    }
}
