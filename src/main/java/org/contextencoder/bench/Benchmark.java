package org.contextencoder.bench;

import org.bytedeco.javacpp.Loader;
import org.contextencoder.backend.Nd4jBackend;
import org.contextencoder.data.Cifar10;
import org.contextencoder.data.Split;
import org.contextencoder.model.Architecture;
import org.nd4j.linalg.factory.Nd4j;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Training and inference images/s, peak memory and the matmul ceiling of DL4J, with the PyTorch reference
 * (bench/torch_bench.py) run alternately with it, plus the CIFAR-10 parse time: what {@code workbench bench}
 * prints. Each model and mode runs in a process of its own on both sides ({@link Dl4jProcess}), so that each peak
 * memory is its own.
 *
 * @param dataRoot   the data folder that holds CIFAR-10
 * @param csv        where to write the medians as CSV too, or null
 * @param reps       timed repetitions per figure
 * @param models     the models, by image size
 * @param withTorch  whether to run the PyTorch reference
 * @param batch      the batch for every model and mode, or 0 for the workbench's (training and inference differ)
 * @param repSeconds the least time one repetition takes
 */
public record Benchmark(Path dataRoot, Path csv, int reps, List<Integer> models, boolean withTorch, int batch,
                        double repSeconds) {

    public void run(PrintStream printTo) {
        // Bad input fails here, before minutes of timing.
        List<Architecture> chosen = models.stream().map(Architecture::forImageSize).distinct().toList();
        Timing timing = new Timing(reps, repSeconds);
        TorchReference torch = !withTorch ? null : new TorchReference(TorchReference.locateScript(Path.of("")), timing,
                batch);
        Path cifar = dataRoot.resolve(Cifar10.FOLDER);
        Cifar10.openFolder(cifar);

        BenchReport report = new BenchReport(printTo);
        Nd4jBackend.configure();
        report.line("DL4J: %s, %d threads, helpers %s; load average %s%n%d reps of >= %.1f s after %d warm-up calls",
                nativeBuild(), Nd4j.getEnvironment().maxThreads(),
                Nd4jBackend.activeOneDnnHelpers(), BenchReport.loadAverage(), reps, repSeconds, Timing.WARMUP_STEPS);
        report.line("malloc: DL4J %s, PyTorch glibc defaults; transparent huge pages %s",
                MallocSettings.describe(System.getenv()), MallocSettings.transparentHugePages());

        Summary parse = timing.seconds(() -> parseAll(cifar));
        report.line("CIFAR-10 parse, 60,000 images: %s s", parse);

        Dl4jBench dl4j = new Dl4jBench(timing);
        Summary dl4jCeiling = dl4j.matmulGflops();
        Summary torchCeiling = torch == null ? null : torch.matmulGflops();
        report.line("matmul %dx%d float32 GFLOP/s: ND4J %s; PyTorch %s", Dl4jBench.MATMUL_SIZE,
                Dl4jBench.MATMUL_SIZE, dl4jCeiling, torchCeiling == null ? "-" : torchCeiling);

        Dl4jProcess processes = new Dl4jProcess(timing, batch);
        List<BenchRow> rows = new ArrayList<>();
        for (Architecture a : chosen) {
            for (Mode mode : Mode.values()) {
                Dl4jBench.ModelResult m = processes.run(a, mode);
                rows.add(new BenchRow(m, torch == null ? null : torch.model(m.model(), mode)));
            }
        }
        report.table(rows);
        report.memory(rows);
        rows.stream().filter(r -> r.model().equals("32") && r.mode() == Mode.TRAIN).findFirst()
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
