package org.contextencoder.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleProgressTest {

    private static String run(ConsoleProgress progress, ByteArrayOutputStream bytes) {
        for (int epoch = 1; epoch <= 2; epoch++) {
            for (int b = 1; b <= 100; b++) {
                progress.batchDone(new BatchProgress(epoch, 2, b, 100, 0.05, 80, 10, 100));
            }
            progress.epochDone(new EpochRecord(epoch, 0.04, 0.03, 125), 2, epoch == 1);
        }
        return bytes.toString();
    }

    @Test
    void notebooksGetALineAtEachQuarterOfAnEpoch() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String text = run(new ConsoleProgress(new PrintStream(bytes, true), 0, 4), bytes);
        String[] lines = text.split("\n");
        assertEquals(2 * (4 + 1), lines.length, text);
        assertTrue(lines[0].startsWith("epoch 1/2  batch 25/100  loss 0.05000  80.0 img/s  epoch ETA 10s  run ETA 1m40s"), lines[0]);
        assertEquals("epoch 1/2 done in 2m05s: train 0.04000, validation 0.03000 (best so far)", lines[4]);
        assertTrue(lines[5].startsWith("epoch 2/2  batch 25/100"), lines[5]);
    }

    @Test
    void anEpochLineNamesTheStepsOtherLosses() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ConsoleProgress(new PrintStream(bytes, true), 0, 4).epochDone(new EpochRecord(3, 0.04, 0.03, 61,
                new LinkedHashMap<>(Map.of("adversarial", 0.25))), 5, false);
        assertEquals("epoch 3/5 done in 1m01s: train 0.04000, validation 0.03000, adversarial 0.25000\n",
                bytes.toString());
    }

    /**
     * The clock reads {@code origin} plus one second more at every batch. Only differences between readings may
     * count: System.nanoTime() counts from boot on Linux (a machine up 10 s reads 1e10), and may be negative.
     */
    @ParameterizedTest
    @ValueSource(longs = {10_000_000_000L, 0, -4_000_000_000_000_000_000L, 432_000_000_000_000L})
    void aTerminalGetsItsFirstLineAtOnceAndThenNoMoreOftenThanTheInterval(long origin) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long[] now = {origin};
        String text = run(new ConsoleProgress(new PrintStream(bytes, true), 30, Integer.MAX_VALUE,
                () -> now[0] += 1_000_000_000L), bytes);
        List<String> batchLines = Arrays.stream(text.split("\n")).filter(l -> l.contains(" batch "))
                .map(l -> l.substring(0, l.indexOf("  loss"))).toList();
        assertEquals(List.of("epoch 1/2  batch 1/100", "epoch 1/2  batch 31/100", "epoch 1/2  batch 61/100",
                "epoch 1/2  batch 91/100", "epoch 2/2  batch 21/100", "epoch 2/2  batch 51/100",
                "epoch 2/2  batch 81/100"), batchLines, text);
    }
}
