package org.contextencoder.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The bench's printed lines: the side-by-side tables of speed and memory, and distance to the matmul ceiling. */
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
            line("%-5s %-5s %5d %9.1f  %-24s %7.1f  %-24s %7s  %s", r.model(), r.mode().id(), r.dl4j().batch(),
                    r.flopsPerImage() / 1e6, r.dl4j().rate(), r.dl4jGflops(),
                    r.torch() == null ? "-" : r.torch().rate(),
                    r.torch() == null ? "-" : String.format(Locale.ROOT, "%.1f", r.torchGflops()),
                    Double.isNaN(r.ratio()) ? "-" : String.format(Locale.ROOT, "%.2f", r.ratio()));
        }
    }

    /**
     * Peak resident set of each model and mode, each in its own process, DL4J's split into its parts (MiB; see
     * {@link MemoryUse}), beside PyTorch's.
     */
    void memory(List<BenchRow> rows) {
        line("peak memory (MiB), each model and mode in its own process; DL4J's peak = base + heap + workspaces"
                + " + model arrays + JavaCPP + rest");
        line("%-5s %-5s %5s  %9s %6s %6s %10s %12s %7s %6s %8s  %9s  %s", "model", "mode", "batch", "DL4J peak",
                "base", "heap", "workspaces", "model arrays", "JavaCPP", "rest", "after GC", "PyTorch", "DL4J/PyTorch");
        for (BenchRow r : rows) {
            MemoryUse m = r.dl4j().memory();
            boolean torch = r.torch() != null && r.torch().peakRssBytes() > 0;
            line("%-5s %-5s %5d  %9s %6s %6s %10s %12s %7s %6s %8s  %9s  %s", r.model(), r.mode().id(),
                    r.dl4j().batch(), mib(m.peakRss()), mib(m.base()), mib(m.heap()), mib(m.workspaces()),
                    mib(m.modelArrays()), mib(m.javacpp()), mib(m.rest()), mib(m.settledRss()),
                    torch ? mib(r.torch().peakRssBytes()) : "-",
                    torch ? String.format(Locale.ROOT, "%.2f", r.memoryRatio()) : "-");
        }
    }

    /** Training of the 32 px model against the matmul ceiling: how far from the hardware limit it runs. */
    void ceilingFraction(BenchRow train32, Summary dl4jCeiling, Summary torchCeiling) {
        String torch = train32.torch() == null || torchCeiling == null ? ""
                : String.format(Locale.ROOT, "; PyTorch %.1f GFLOP/s = %.0f%% of torch mm", train32.torchGflops(),
                100 * train32.torchGflops() / torchCeiling.median());
        line("32 px training: DL4J %.1f GFLOP/s = %.0f%% of ND4J mmul%s", train32.dl4jGflops(),
                100 * train32.dl4jGflops() / dl4jCeiling.median(), torch);
    }

    /** Whole MiB with thousands separators, e.g. 4,192 (negative stays negative). */
    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,d", bytes / (1 << 20));
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
