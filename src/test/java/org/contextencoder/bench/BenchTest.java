package org.contextencoder.bench;

import com.google.gson.JsonObject;
import org.contextencoder.SharedData;
import org.contextencoder.cli.Main;
import org.contextencoder.model.Architecture;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.Adam;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the benchmark computes and prints, without asserting any timing. */
class BenchTest {

    @TempDir
    Path dir;

    private static long forwardFlops(Architecture a) {
        return FlopCount.forwardFlopsPerImage(a.configuration(1, new Adam(), 0, a.defaultHole()),
                InputType.convolutional(a.imageSize(), a.imageSize(), 3));
    }

    /** 2 x multiply-adds; a 3x3 convolution costs output pixels x cin x cout x 9, the dense layer nIn x nOut. */
    @Test
    void flopsOfTheRealModelsMatchHandCounts() {
        long ce32 = 32 * 32 * 3 * 64 * 9L      // enc1
                + 16 * 16 * 64 * 128 * 9L      // enc2
                + 8 * 8 * 128 * 256 * 9L       // enc3
                + 4096L * 4096                 // bottleneck (dense)
                + 4 * 4 * 256 * 256 * 9L       // dec1, on the 4x4 reshape
                + 8 * 8 * 256 * 128 * 9L       // dec2
                + 16 * 16 * 128 * 3 * 9L;      // patch
        assertEquals(2 * ce32, forwardFlops(Architecture.CE32));
        assertEquals(171.0, 2 * ce32 / 1e6, 0.05);

        long unet = 128 * 128 * 3 * 64 * 9L    // enc1
                + 64 * 64 * 64 * 128 * 9L      // enc2
                + 32 * 32 * 128 * 256 * 9L     // enc3
                + 16 * 16 * 256 * 512 * 9L     // enc4
                + 8 * 8 * 512 * 512 * 9L       // bottleneck
                + 16 * 16 * 1024 * 256 * 9L    // dec4 on [up(bottleneck), enc4]
                + 32 * 32 * 512 * 128 * 9L     // dec3 on [up(dec4), enc3]
                + 16 * 16 * 256 * 64 * 9L      // dec2 on [up(centre of dec3), centre of enc2]
                + 32 * 32 * 128 * 32 * 9L      // dec1 on [up(dec2), centre of enc1]
                + 32 * 32 * 32 * 3 * 9L;       // patch
        assertEquals(2 * unet, forwardFlops(Architecture.UNET128));
        assertEquals(4.739, 2 * unet / 1e9, 0.0005);
    }

    private static final long MIB = 1 << 20;

    private static Dl4jBench.ModelResult result(String model, Mode mode, Summary rate, long peakMib) {
        MemoryUse memory = new MemoryUse(peakMib * MIB, 100 * MIB, 50 * MIB, 200 * MIB, 300 * MIB, 0, peakMib * MIB);
        return new Dl4jBench.ModelResult(model, mode, 64, 1, rate, memory, 1);
    }

    @Test
    void csvHasTheRequiredColumnsAndBlanksWithoutTorch() throws IOException {
        List<BenchRow> rows = List.of(
                new BenchRow(result("32", Mode.TRAIN, new Summary(20, 18, 21, 5), 1200),
                        new TorchReference.Figures(new Summary(25, 24, 29, 5), 800 * MIB)),
                new BenchRow(result("128", Mode.INFER, new Summary(7.5, 7, 8, 5), 900), null));
        Path file = dir.resolve("sub/bench.csv");
        BenchCsv.write(file, rows);
        assertEquals(List.of("model,mode,dl4j_ips,torch_ips,ratio,dl4j_rss_mib,torch_rss_mib",
                "32,train,20.000,25.000,0.8000,1200,800", "128,infer,7.500,,,900,"), Files.readAllLines(file));
        assertEquals(1.5, rows.get(0).memoryRatio(), 1e-12);
    }

    /** The peak is the sum of its parts; the rest is what no part accounts for. */
    @Test
    void memoryRestIsWhatThePartsLeave() {
        MemoryUse m = new MemoryUse(1000, 100, 50, 200, 300, 10, 900);
        assertEquals(340, m.rest());
    }

    /** The child's one JSON line survives the trip to the parent, whatever the child printed before it. */
    @Test
    void childResultRoundTripsThroughItsJsonLine() {
        Dl4jBench.ModelResult r = result("128", Mode.INFER, new Summary(7.5, 7, 8, 5), 900);
        assertEquals(r, Dl4jProcess.parse("a log line\n" + Dl4jProcess.format(r) + "\n"));
        assertThrows(com.google.gson.JsonParseException.class, () -> Dl4jProcess.parse("no result here"));
    }

    @Test
    void parsesTorchBenchJson() {
        String out = """
                {"torch": "1.13", "threads": 2, "matmul_2048_gflops": {"median": 54.8, "min": 46.8, "max": 55.9, "n": 5},
                 "models": {"32": {"batch": 64, "forward_flops_per_image": 170983424,
                   "train_images_per_s": {"median": 25.0, "min": 24.8, "max": 29.0, "n": 5},
                   "infer_images_per_s": {"median": 97.0, "min": 95.3, "max": 104.0, "n": 5}}},
                 "peak_rss_bytes": 1048576}
                """;
        JsonObject json = TorchReference.parse("a warning printed first\n" + out);
        TorchReference.Figures train = TorchReference.figures(json, "32", Mode.TRAIN);
        assertEquals(new Summary(25.0, 24.8, 29.0, 5), train.rate());
        assertEquals(1048576, train.peakRssBytes());
        assertEquals(new Summary(97.0, 95.3, 104.0, 5), TorchReference.figures(json, "32", Mode.INFER).rate());
        assertThrows(IllegalStateException.class, () -> TorchReference.figures(json, "128", Mode.TRAIN));
    }

    @Test
    void findsTheTorchScriptFromBelowTheProjectRoot() throws IOException {
        Path script = TorchReference.locateScript(Path.of("src/main"));
        assertTrue(Files.isRegularFile(script) && script.endsWith(TorchReference.SCRIPT), script.toString());
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        assertThrows(IllegalArgumentException.class, () -> TorchReference.locateScript(dir));
    }

    @Test
    void saysWhichMallocSettingsTheProcessHas() {
        assertEquals("glibc defaults", MallocSettings.describe(Map.of("HOME", "/root")));
        assertEquals("MALLOC_MMAP_THRESHOLD_=131072 GLIBC_TUNABLES=glibc.malloc.hugetlb=1", MallocSettings.describe(
                Map.of("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1", "MALLOC_MMAP_THRESHOLD_", "131072")));
    }

    @Test
    void summaryTakesTheMedianAndRange() {
        assertEquals(new Summary(2.5, 1, 4, 4), Summary.of(new double[]{4, 1, 3, 2}));
        assertEquals("12.3 (9.00-123)", new Summary(12.3, 9, 123, 3).toString());
    }

    @Test
    void benchRunsEndToEndOnTinySettings() throws IOException {
        Path csv = dir.resolve("bench.csv");
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true));
            code = Main.run("bench", "--models", "32", "--reps", "1", "--no-torch", "--batch", "2",
                    "--rep-seconds", "0", "--data-dir", SharedData.root().toString(), "--csv", csv.toString());
        } finally {
            System.setOut(old);
        }
        String text = out.toString();
        assertEquals(0, code, text);
        for (String expected : List.of("malloc: DL4J ", "CIFAR-10 parse, 60,000 images: ",
                "matmul 2048x2048 float32 GFLOP/s: ND4J ",
                "32    train     2     513.0  ", "32    infer     2     171.0  ",
                "peak memory (MiB), each model and mode in its own process", "32    train     2  ",
                "32 px training: DL4J ", "PyTorch: skipped (--no-torch)")) {
            assertTrue(text.contains(expected), "missing '" + expected + "' in:\n" + text);
        }
        List<String> lines = Files.readAllLines(csv);
        assertEquals(BenchCsv.HEADER, lines.get(0));
        assertTrue(lines.get(1).matches("32,train,[0-9.]+,,,[0-9]+,"), lines.get(1));
    }

    /**
     * A model runs in a JVM of its own, whose memory is split into parts: in training the network's arrays are its
     * parameters, their gradients and Adam's two moments (of the trained ones: batch norm's running statistics are
     * parameters that Adam does not update), all float32.
     */
    @Test
    void eachModelAndModeRunsInItsOwnProcess() {
        Dl4jProcess processes = new Dl4jProcess(new Timing(1, 0), 2);
        Dl4jBench.ModelResult train = processes.run(Architecture.CE32, Mode.TRAIN);
        ComputationGraph net = Architecture.CE32.build(42L, new Adam(1e-3), 0, 16);
        long params = net.numParams();
        long adamState = net.getUpdater().getStateViewArray().length();
        assertTrue(adamState > 1.99 * params && adamState < 2 * params, adamState + " for " + params);
        assertEquals(Mode.TRAIN, train.mode());
        assertTrue(train.pid() != ProcessHandle.current().pid(), "ran in the test's own JVM");
        MemoryUse m = train.memory();
        assertEquals(4 * (2 * params + adamState), m.modelArrays());
        assertTrue(m.workspaces() > 0 && m.base() > 0 && m.peakRss() > m.base() + m.modelArrays(), m.toString());
        Dl4jBench.ModelResult infer = processes.run(Architecture.CE32, Mode.INFER);
        assertTrue(infer.pid() != train.pid(), "both modes ran in one process");
        assertEquals(4 * params, infer.memory().modelArrays());
    }

    @Test
    void badInputFailsWithExitCodeOne() {
        assertEquals(1, Main.run("bench", "--models", "64", "--no-torch"));
        assertEquals(1, Main.run("bench", "--no-torch", "--data-dir", dir.resolve("missing").toString()));
    }
}
