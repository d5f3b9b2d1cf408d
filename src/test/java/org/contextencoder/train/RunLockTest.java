package org.contextencoder.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run folder's lock between real processes. */
class RunLockTest {

    @Test
    void aSecondProcessIsRefusedAndAKilledHolderLeavesNothingStuck(@TempDir Path dir) throws Exception {
        LockHolder.Holder other = LockHolder.start(dir);
        try {
            assertEquals("locked", other.said());
            RunFolderInUseException e = assertThrows(RunFolderInUseException.class, () -> RunLock.acquire(dir));
            assertEquals(dir + " is in use by another training run (process " + other.process().pid() + "): wait for"
                    + " it to finish or stop it, or choose another output folder", e.getMessage());
        } finally {
            other.process().destroyForcibly().waitFor();
        }
        assertDoesNotThrow(() -> RunLock.acquire(dir).close(), "the kill released the lock");
    }

    @Test
    void aSecondLockInTheSameProcessIsRefusedAndKeepsTheFirst(@TempDir Path dir) throws Exception {
        try (RunLock first = RunLock.acquire(dir)) {
            RunFolderInUseException e = assertThrows(RunFolderInUseException.class, () -> RunLock.acquire(dir));
            assertTrue(e.getMessage().contains("(this process)"), e.getMessage());
            LockHolder.Holder other = LockHolder.start(dir);
            other.process().destroyForcibly().waitFor();
            String byUs = "is in use by another training run (process " + ProcessHandle.current().pid() + ")";
            assertTrue(other.said().contains(byUs), "the refused second lock kept the first: " + other.said());
        }
        assertDoesNotThrow(() -> RunLock.acquire(dir).close(), "closing released it");
    }

    @Test
    void aFileWhereTheFolderShouldBeIsNamed(@TempDir Path dir) throws Exception {
        Path file = Files.createFile(dir.resolve("run"));
        assertEquals(file + " is a file, not a folder: choose another output folder",
                assertThrows(UncheckedIOException.class, () -> RunLock.acquire(file)).getMessage());
    }
}
