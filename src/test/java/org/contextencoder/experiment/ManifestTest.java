package org.contextencoder.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ManifestTest {

    @Test
    void aContinuedRunKeepsItsCreationTimeAndStartingCommit(@TempDir Path dir) {
        Path file = dir.resolve("manifest.properties");
        new Manifest().put("git_commit", "aaa111").put("created", "2026-01-01T00:00:00Z").write(file);

        Manifest next = new Manifest().put("git_commit", "bbb222").put("created", "2026-02-02T00:00:00Z")
                .continuing(file);

        assertEquals("aaa111", next.entries().get("started_git_commit"));
        assertEquals("bbb222", next.entries().get("git_commit"), "the commit that wrote it now");
        assertEquals("2026-01-01T00:00:00Z", next.entries().get("created"));
        next.write(file);
        Manifest third = new Manifest().put("git_commit", "ccc333").continuing(file);
        assertEquals("aaa111", third.entries().get("started_git_commit"), "kept across any number of resumes");
    }

    @Test
    void aNewRunStartsFromItsOwnCommit(@TempDir Path dir) {
        Manifest fresh = new Manifest().put("git_commit", "aaa111").continuing(dir.resolve("manifest.properties"));
        assertEquals("aaa111", fresh.entries().get("started_git_commit"));
    }
}
