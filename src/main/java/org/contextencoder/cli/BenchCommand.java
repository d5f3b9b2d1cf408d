package org.contextencoder.cli;

import org.contextencoder.bench.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code workbench bench}: the {@link Benchmark} of both models, DL4J against PyTorch. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark both models (DL4J against PyTorch, side by side) and the CIFAR-10 parser.")
final class BenchCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Also write model,mode,dl4j_ips,torch_ips,ratio,dl4j_rss_mib,torch_rss_mib.")
    Path csv;

    @Option(names = "--reps", defaultValue = "5", description = "Timed repetitions per figure (default: 5).")
    int reps;

    @Option(names = "--models", split = ",", defaultValue = "32,128", paramLabel = "SIZE",
            description = "Models by image size (default: 32,128).")
    List<Integer> models;

    @Option(names = "--no-torch", description = "DL4J figures only; do not run bench/torch_best.sh.")
    boolean noTorch;

    // For quick runs (tests): the defaults are the workbench's batches (training and inference differ) and
    // torch_bench.py's 3 s repetitions.
    @Option(names = "--batch", hidden = true, defaultValue = "0",
            description = "Batch for every model and mode (0: the defaults).")
    int batch;

    @Option(names = "--rep-seconds", hidden = true, defaultValue = "3", description = "Minimum seconds per repetition.")
    double repSeconds;

    @Override
    public Integer call() {
        new Benchmark(data.root(), csv, reps, models, !noTorch, batch, repSeconds).run(System.out);
        return 0;
    }
}
