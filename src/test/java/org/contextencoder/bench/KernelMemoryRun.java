package org.contextencoder.bench;

import org.contextencoder.SharedData;
import org.contextencoder.backend.Nd4jBackend;
import org.contextencoder.experiment.Datasets;
import org.contextencoder.experiment.Experiment;
import org.contextencoder.experiment.ExperimentData;
import org.contextencoder.experiment.RunPipeline;
import org.contextencoder.experiment.RunSpec;
import org.contextencoder.experiment.TrainedRun;
import org.contextencoder.experiment.ValidationSplit;
import org.contextencoder.model.InpaintingModel;
import org.contextencoder.model.ModelFile;
import org.contextencoder.train.ProgressListener;

import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A measurement, not a test: the resident memory of a notebook kernel's JVM after its training cell, against what
 * the finished model needs. The cell is a notebook's at the small scale: {@code RunPipeline.train} of an experiment
 * ({@code general}: 256 training and 64 test images; {@code landmark}: 16 and 8 photos) for one epoch, scoring and
 * pictures included.
 * <ul>
 *   <li>{@code KernelMemoryRun EXPERIMENT train FOLDER [N]}: runs the cell N times (default 2) into FOLDER/run-1..N in
 *   one JVM, as a notebook session that runs its cell again, and prints the resident set after each, once a garbage
 *   collection has settled it;</li>
 *   <li>{@code KernelMemoryRun EXPERIMENT model FOLDER/run-1}: a fresh JVM that loads that run's finished model and
 *   its images and scores it as the cell did: what the finished model needs.</li>
 * </ul>
 * The data folder is the tests' ({@code ../shared/data}).
 */
public final class KernelMemoryRun {
    public static void main(String[] args) throws InterruptedException {
        Nd4jBackend.configure();
        print("started, backend loaded");
        Experiment experiment = Experiment.parse(args[0]);
        Path folder = Path.of(args[2]);
        RunSpec spec = RunSpec.of(experiment, 1, SharedData.root()).withValidation(ValidationSplit.TEST)
                .withLimits(experiment.usesPhotos() ? 16 : 256, experiment.usesPhotos() ? 8 : 64);
        if (args[1].equals("train")) {
            int runs = args.length > 3 ? Integer.parseInt(args[3]) : 2;
            for (int i = 1; i <= runs; i++) {
                TrainedRun run = RunPipeline.train(spec, folder.resolve("run-" + i), ProgressListener.SILENT);
                settle();
                print("after training cell " + i + " (its model, images and scores held)");
                Reference.reachabilityFence(run);
            }
        } else {
            Datasets data = ExperimentData.load(spec);
            InpaintingModel model = ModelFile.load(folder.resolve("model.zip"));
            RunPipeline.score(experiment.id(), model, data);
            settle();
            print("the finished model loaded and scored in a fresh JVM");
        }
        System.exit(0);
    }

    /** A full collection, and time for ND4J's deallocator threads to free what it found unreachable. */
    private static void settle() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(1000);
        }
    }

    private static void print(String when) {
        System.out.printf(Locale.ROOT, "RSS %,d MiB (peak %,d MiB, heap %,d MiB): %s%n", ProcessMemory.rss() >> 20,
                ProcessMemory.peakRss() >> 20, ProcessMemory.heapRss() >> 20, when);
    }
}
