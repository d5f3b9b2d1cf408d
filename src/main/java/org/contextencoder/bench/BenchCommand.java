package org.contextencoder.bench;

import org.bytedeco.javacpp.Loader;
import org.contextencoder.backend.Nd4jBackend;
import org.contextencoder.cli.DataOptions;
import org.contextencoder.data.Cifar10;
import org.contextencoder.data.Split;
import org.contextencoder.model.Architecture;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code workbench bench}: training and inference images/s, peak memory and the matmul ceiling of DL4J, with the
 * PyTorch reference (bench/torch_bench.py) run alternately in the same command, plus the CIFAR-10 parse time.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark both models (DL4J against PyTorch, side by side) and the CIFAR-10 parser.")
public final class BenchCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write model,mode,dl4j_ips,torch_ips,ratio.")
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
        run(System.out);
        return 0;
    }

    void run(PrintStream printTo) {
        // Bad input fails here, before minutes of timing.
        List<Architecture> chosen = models.stream().map(Architecture::forImageSize).distinct().toList();
        Timing timing = new Timing(reps, repSeconds);
        TorchReference torch = noTorch ? null : new TorchReference(TorchReference.locateScript(Path.of("")), timing,
                batch);
        Path cifar = data.root().resolve(Cifar10.FOLDER);
        Cifar10.openFolder(cifar);

        BenchReport report = new BenchReport(printTo);
        Nd4jBackend.configure();
        report.line("DL4J: %s, %d threads, helpers %s; load average %s%n%d reps of >= %.1f s after %d warm-up calls",
                nativeBuild(), Nd4j.getEnvironment().maxThreads(),
                Nd4jBackend.activeOneDnnHelpers(), BenchReport.loadAverage(), reps, repSeconds, Timing.WARMUP_STEPS);

        Summary parse = timing.seconds(() -> parseAll(cifar));
        report.line("CIFAR-10 parse, 60,000 images: %s s", parse);

        Dl4jBench dl4j = new Dl4jBench(timing);
        Summary dl4jCeiling = dl4j.matmulGflops();
        Summary torchCeiling = torch == null ? null : torch.matmulGflops();
        report.line("matmul %dx%d float32 GFLOP/s: ND4J %s; PyTorch %s", Dl4jBench.MATMUL_SIZE,
                Dl4jBench.MATMUL_SIZE, dl4jCeiling, torchCeiling == null ? "-" : torchCeiling);

        List<BenchRow> rows = new ArrayList<>();
        for (Architecture a : chosen) {
            Dl4jBench.ModelResult m = dl4j.run(a, batch > 0 ? batch : a.trainingBatch(),
                    batch > 0 ? batch : a.inferenceBatch());
            TorchReference.ModelFigures t = torch == null ? null : torch.model(m.model());
            rows.add(new BenchRow(m.model(), "train", m.trainBatch(), m.forwardFlops(), m.train(),
                    t == null ? null : t.train()));
            rows.add(new BenchRow(m.model(), "infer", m.inferBatch(), m.forwardFlops(), m.infer(),
                    t == null ? null : t.infer()));
            report.memory(m, t);
        }
        report.table(rows);
        rows.stream().filter(r -> r.model().equals("32") && r.mode().equals("train")).findFirst()
                .ifPresent(r -> report.ceilingFraction(r, dl4jCeiling, torchCeiling));
        if (torch == null) {
            report.line("PyTorch: skipped (--no-torch)");
        } else if (torch.failure() != null) {
            report.line("PyTorch: no figures (%s); install it with %s", torch.failure(), TorchReference.INSTALL_HINT);
        }
        report.line("load average at the end: %s", BenchReport.loadAverage());
        if (csv != null) {
            BenchCsv.write(csv, rows);
            report.line("wrote %s", csv);
        }
    }

    /** The nd4j-native classifier whose library was loaded, e.g. linux-x86_64-onednn-avx2 (the folder it is in). */
    private static String nativeBuild() {
        String lib = Loader.getLoadedLibraries().get("nd4jcpu");
        Path folder = lib == null ? null : Path.of(lib).getParent();
        return folder == null ? "nd4j-native" : "nd4j-native " + folder.getFileName();
    }

    /** The whole dataset from disk, as every experiment's first run does it; returns the image count. */
    private static int parseAll(Path cifar) {
        Cifar10 c = Cifar10.openFolder(cifar);
        return c.split(Split.TRAIN).count() + c.split(Split.TEST).count();
    }
}
