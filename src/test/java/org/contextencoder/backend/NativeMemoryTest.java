package org.contextencoder.backend;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the process gives back to the system, measured as its resident set (Linux). */
class NativeMemoryTest {
    private static final long MIB = 1 << 20;

    @BeforeAll
    static void backendConfigured() {
        Nd4jBackend.configure();
    }

    /**
     * After training on this thread, its workspaces and the arrays nothing references leave the resident set, and the
     * network trains on.
     */
    @Test
    void releaseGivesBackWorkspacesAndGarbage() throws InterruptedException {
        MultiLayerNetwork net = SmallConvNet.build(1);
        INDArray x = Nd4j.rand(DataType.FLOAT, 512, 3, 16, 16);
        for (int i = 0; i < 3; i++) net.fit(x, x);
        long workspaces = Nd4j.getWorkspaceManager().getAllWorkspacesForCurrentThread().stream()
                .mapToLong(MemoryWorkspace::getCurrentSize).sum();
        assertTrue(workspaces > 10 * MIB, "training left only " + workspaces + " bytes of workspaces");
        for (int i = 0; i < 8; i++) Nd4j.create(DataType.FLOAT, 1 << 20).addi(1);  // 4 MiB each, then garbage
        long before = rss();

        NativeMemory.release();

        assertEquals(0, Nd4j.getWorkspaceManager().getAllWorkspacesForCurrentThread().size());
        long expected = (workspaces + 32 * MIB) * 3 / 4;
        long after = rssFallingTo(before - expected);
        assertTrue(before - after >= expected, "gave back " + (before - after) / MIB + " MiB, not "
                + expected / MIB);
        net.fit(x, x);
    }

    private static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        } catch (IOException e) {
            throw new AssertionError("this test reads /proc/self/status (Linux)", e);
        }
        throw new AssertionError("no VmRSS in /proc/self/status");
    }

    /** The resident set once it has fallen to {@code limit}, or after a second (memory is freed on other threads). */
    private static long rssFallingTo(long limit) throws InterruptedException {
        long rss = rss();
        for (int i = 0; i < 20 && rss > limit; i++) {
            Thread.sleep(50);
            rss = rss();
        }
        return rss;
    }
}
