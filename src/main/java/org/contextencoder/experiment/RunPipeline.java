package org.contextencoder.experiment;

import org.contextencoder.backend.NativeMemory;
import org.contextencoder.data.ImageSet;
import org.contextencoder.data.Split;
import org.contextencoder.eval.Baseline;
import org.contextencoder.eval.Evaluator;
import org.contextencoder.eval.Inpainter;
import org.contextencoder.eval.ModelInpainter;
import org.contextencoder.io.AtomicFiles;
import org.contextencoder.mask.CenterMask;
import org.contextencoder.mask.Mask;
import org.contextencoder.model.Architecture;
import org.contextencoder.model.InpaintingModel;
import org.contextencoder.train.LossHistory;
import org.contextencoder.train.ProgressListener;
import org.contextencoder.train.ResumeCheck;
import org.contextencoder.train.RunLock;
import org.contextencoder.train.Trainer;
import org.contextencoder.train.TrainingConfig;
import org.contextencoder.train.TrainingResult;
import org.contextencoder.viz.InpaintingGrid;
import org.contextencoder.viz.LossCurve;
import org.contextencoder.viz.ResultTable;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * One run from data to results, as the {@code train} command and the notebooks run it: its images
 * ({@link ExperimentData}), training, scores and pictures. The output folder receives {@code config.properties},
 * {@code manifest.properties}, {@code history.csv}, {@code model.zip}, {@code metrics.csv} (model and baselines on
 * train, validation if held out, and test), {@code loss.png} and {@code grid-train.png} / {@code grid-test.png}.
 * Running it again on the same folder resumes an interrupted run.
 */
public final class RunPipeline {

    /** Images shown per grid. */
    public static final int GRID_IMAGES = 8;
    /** The resolved settings of the run, which a resume must match. */
    private static final String CONFIG = "config.properties";

    private RunPipeline() {
    }

    public static TrainedRun train(RunSpec spec, Path out, ProgressListener progress) {
        long started = System.nanoTime();
        try (Started run = start(spec, out)) {
            Datasets data = run.data();
            TrainingResult result = fit(spec, data, out, progress);
            Mask mask = result.bestModel().mask();

            ResultTable metrics = score(spec.setting(), result.bestModel(), data);
            AtomicFiles.writeCsv(out.resolve("metrics.csv"), metrics.table());
            AtomicFiles.writePng(out.resolve("loss.png"),
                    LossCurve.of(result.history(), spec.setting() + ": loss per epoch"));
            List<Inpainter> model = List.of(new ModelInpainter(result.bestModel()));
            AtomicFiles.writePng(out.resolve("grid-train.png"), InpaintingGrid.render(data.train(), GRID_IMAGES, mask, model));
            AtomicFiles.writePng(out.resolve("grid-test.png"), InpaintingGrid.render(data.test(), GRID_IMAGES, mask, model));

            run.manifest().put("epochs_run", result.history().size()).put("best_epoch", result.bestEpoch())
                    .put("stopped_early", result.stoppedEarly())
                    .put("training_seconds", String.format(Locale.ROOT, "%.0f", result.history().totalSeconds()))
                    .put("wall_seconds_this_session",
                            String.format(Locale.ROOT, "%.0f", (System.nanoTime() - started) / 1e9))
                    .put("finished", Instant.now());
            run.manifest().write(out.resolve("manifest.properties"));
            return new TrainedRun(out, result.bestModel(), result.history(), metrics, data, result.stoppedEarly());
        }
    }

    /**
     * Only the training (with its checkpoints, history and manifest), no scoring or pictures: what each run of
     * a sweep needs.
     */
    public static LossHistory trainOnly(RunSpec spec, Path out, ProgressListener progress) {
        try (Started run = start(spec, out)) {
            TrainingResult result = fit(spec, run.data(), out, progress);
            run.manifest().put("epochs_run", result.history().size()).put("best_epoch", result.bestEpoch())
                    .put("finished", Instant.now());
            run.manifest().write(out.resolve("manifest.properties"));
            return result.history();
        }
    }

    /** A run under way: its images, its manifest so far, and the lock that keeps other runs out of its folder. */
    private record Started(Datasets data, Manifest manifest, RunLock lock) implements AutoCloseable {
        @Override
        public void close() {
            lock.close();
        }
    }

    /**
     * Loads the data and takes the folder, refusing before anything is written if the folder holds a run with other
     * settings or another process is training into it; then records the run's settings and manifest.
     */
    private static Started start(RunSpec spec, Path out) {
        requireResumableWith(spec, out);
        Datasets data = ExperimentData.load(spec);
        RunLock lock = RunLock.acquire(out);
        try {
            // Again under the lock: another process may have started a run here while the data loaded.
            requireResumableWith(spec, out);
            return new Started(data, manifest(spec, data, out), lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** A folder that holds a run continues it only with the settings that shaped it (the epochs may change). */
    private static void requireResumableWith(RunSpec spec, Path out) {
        Path config = out.resolve(CONFIG);
        if (!Files.isRegularFile(config)) return;
        Properties saved = new Properties();
        try (Reader in = Files.newBufferedReader(config)) {
            saved.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + config + ": " + e.getMessage(), e);
        }
        Map<String, String> was = saved.stringPropertyNames().stream()
                .collect(Collectors.toMap(k -> k, saved::getProperty));
        ResumeCheck.requireSame(RunSpec.shaping(was), RunSpec.shaping(spec.asMap()), out);
    }

    private static Manifest manifest(RunSpec spec, Datasets data, Path out) {
        Manifest manifest = Manifest.environment().continuing(out.resolve("manifest.properties")).putAll(spec.asMap())
                .putAll(data.manifestEntries()).put("data_sha256", data.checksum())
                .put("train_images", data.train().count()).put("validation_images", data.validation().count())
                .put("test_images", data.test().count());
        manifest.write(out.resolve("manifest.properties"));
        writeConfig(spec, out);
        return manifest;
    }

    private static TrainingResult fit(RunSpec spec, Datasets data, Path out, ProgressListener progress) {
        Mask mask = new CenterMask(spec.experiment().imageSize(), spec.hole());
        TrainingResult result = new Trainer(spec.training(), progress).withStep(spec.loss())
                .train(() -> startingModel(spec, data), data.train(), data.validation(), mask, out);
        // The trained network and its optimizer state are garbage now (the result holds the best epoch, reloaded),
        // and this thread's training workspaces idle: a notebook kernel keeps only what the result needs.
        NativeMemory.release();
        return result;
    }

    /** The model a run starts from: new, or with the weights of the finished model the run names. */
    private static InpaintingModel startingModel(RunSpec spec, Datasets data) {
        InpaintingModel fresh = newModel(spec, data);
        return spec.start() == null ? fresh : spec.start().into(fresh);
    }

    /** The untrained model a run starts from, with the hole fill the run chose (a mean colour is these images'). */
    public static InpaintingModel newModel(RunSpec spec, Datasets data) {
        TrainingConfig t = spec.training();
        Architecture architecture = spec.architecture();
        return new InpaintingModel(architecture.build(t.seed(), t.optimizer().updater(t.learningRate()),
                t.optimizer().weightDecay(), spec.hole()), architecture, spec.hole(), t.fill().forTraining(data.train()));
    }

    /** The model and the three baselines on the training images, the held-out validation images if any, the test. */
    public static ResultTable score(String setting, InpaintingModel model, Datasets data) {
        ResultTable table = new ResultTable(setting + " masked MSE");
        Evaluator evaluator = new Evaluator(model.architecture().inferenceBatch());
        List<Inpainter> methods = new ArrayList<>();
        methods.add(new ModelInpainter(model));
        methods.addAll(Baseline.all(data.train().meanColour()));
        Map<String, ImageSet> splits = new LinkedHashMap<>();
        splits.put(Split.TRAIN.id(), data.train());
        if (data.validationSplit() == ValidationSplit.HOLDOUT) splits.put(ValidationSplit.KEY, data.validation());
        splits.put(Split.TEST.id(), data.test());
        splits.forEach((split, images) -> table.add(setting, split, evaluator.score(methods, images, model.mask())));
        return table;
    }

    private static void writeConfig(RunSpec spec, Path out) {
        StringBuilder sb = new StringBuilder("# the resolved settings of this run\n");
        spec.asMap().forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        AtomicFiles.write(out.resolve(CONFIG), sb.toString());
    }
}
