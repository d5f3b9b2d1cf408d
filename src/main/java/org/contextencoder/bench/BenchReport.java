package org.contextencoder.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The bench's printed lines: the side-by-side table, memory, and distance to the matmul ceiling. */
final class BenchReport {
    private final PrintStream out;

    BenchReport(PrintStream out) {
        this.out = out;
    }

    void line(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
    }

    void table(List<BenchRow> rows) {
        line("%-5s %-5s %5s %9s  %-24s %7s  %-24s %7s  %s", "model", "mode", "batch", "MFLOP/img", "DL4J images/s",
                "GFLOP/s", "PyTorch images/s", "GFLOP/s", "DL4J/PyTorch");
        for (BenchRow r : rows) {
            line("%-5s %-5s %5d %9.1f  %-24s %7.1f  %-24s %7s  %s", r.model(), r.mode(), r.batch(),
                    r.flopsPerImage() / 1e6, r.dl4j(), r.dl4jGflops(), r.torch() == null ? "-" : r.torch(),
                    r.torch() == null ? "-" : String.format(Locale.ROOT, "%.1f", r.torchGflops()),
                    Double.isNaN(r.ratio()) ? "-" : String.format(Locale.ROOT, "%.2f", r.ratio()));
        }
    }

    void memory(Dl4jBench.ModelResult m, TorchReference.ModelFigures torch) {
        MemoryPeak.Peak p = m.memory();
        line("peak memory, model %s: JVM heap %s, process RSS (heap + ND4J off-heap) %s%s", m.model(),
                mib(p.heapBytes()), mib(p.physicalBytes()),
                torch == null || torch.peakRssBytes() == 0 ? "" : "; PyTorch process RSS " + mib(torch.peakRssBytes()));
    }

    /** Training of the 32 px model against the matmul ceiling: how far from the hardware limit it runs. */
    void ceilingFraction(BenchRow train32, Summary dl4jCeiling, Summary torchCeiling) {
        String torch = train32.torch() == null || torchCeiling == null ? ""
                : String.format(Locale.ROOT, "; PyTorch %.1f GFLOP/s = %.0f%% of torch mm", train32.torchGflops(),
                100 * train32.torchGflops() / torchCeiling.median());
        line("32 px training: DL4J %.1f GFLOP/s = %.0f%% of ND4J mmul%s", train32.dl4jGflops(),
                100 * train32.dl4jGflops() / dl4jCeiling.median(), torch);
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,d MiB", bytes >> 20);
    }

    /** 1, 5 and 15 minute load averages, as /proc/loadavg gives them ("unknown" elsewhere). */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
