package org.contextencoder.experiment;

import org.contextencoder.data.ImageSet;
import org.contextencoder.eval.Evaluator;
import org.contextencoder.eval.InferenceOptions;
import org.contextencoder.eval.ModelInpainter;
import org.contextencoder.eval.Score;
import org.contextencoder.model.InpaintingModel;
import org.contextencoder.viz.ResultTable;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * This project's best model of a setting: a run and the inference options it fills holes with, both chosen on
 * validation images. The notebook that trains it also scores it once on the setting's test images
 * ({@link #saveTestScores}), for Table 1's {@code best} rows: notebook 09 the 32 px winner, notebook 03 the landmark
 * U-Net.
 */
public record BestModel(Experiment setting, Path run, InferenceOptions options) {

    /** The method name of its rows. */
    public static final String METHOD = "best";

    /**
     * The quick protocol's winner trained by notebook 09 on all classes and on trucks ({@code general-best},
     * {@code truck-best}), with {@link QuickProtocol#WINNER_OPTIONS}.
     */
    public static List<BestModel> winners(Scale scale) {
        return List.of(new BestModel(Experiment.GENERAL, QuickProtocol.winnerFolder(scale, Experiment.GENERAL),
                        QuickProtocol.WINNER_OPTIONS),
                new BestModel(Experiment.TRUCK, QuickProtocol.winnerFolder(scale, Experiment.TRUCK),
                        QuickProtocol.WINNER_OPTIONS));
    }

    /**
     * The landmark setting's: notebook 03's U-Net ({@code landmark}; no other 128 px model was trained) with
     * {@code options}, chosen on the validation photos ({@link #compareOptions}).
     */
    public static BestModel landmark(Scale scale, InferenceOptions options) {
        return new BestModel(Experiment.LANDMARK, scale.runFolder(Experiment.LANDMARK.id()), options);
    }

    /** Every combination of inference options around one model, scored on validation images. */
    public record OptionsCompared(List<InferenceOptions> options, List<Generalisation.Row> rows) {

        /** The options with the lowest masked MSE. */
        public InferenceOptions best() {
            return options.get(IntStream.range(0, rows.size()).boxed()
                    .min(Comparator.comparingDouble(i -> rows.get(i).maskedMse())).orElseThrow());
        }

        /** One row per combination, with harmonic fill's figure and the gain over it. */
        public Table table() {
            return Generalisation.table(rows);
        }
    }

    /** The model in {@code run} with each of {@link InferenceOptions#ALL} on {@code validation}, of its image size. */
    public static OptionsCompared compareOptions(Path run, Generalisation.Images validation) {
        Generalisation scorer = new Generalisation(List.of(validation));
        List<Generalisation.Row> rows = new ArrayList<>();
        for (InferenceOptions o : InferenceOptions.ALL) rows.addAll(scorer.score(run, o));
        if (rows.size() != InferenceOptions.ALL.size()) {
            throw new IllegalArgumentException(validation.name() + " are not of the size of the model in " + run
                    + ": compare its options on images of its own size");
        }
        return new OptionsCompared(InferenceOptions.ALL, rows);
    }

    /** Whether its run has finished: a notebook that reads it says which are missing instead of failing. */
    public boolean trained() {
        return Files.isRegularFile(run.resolve("model.zip"));
    }

    /**
     * Its every figure on the setting's test images (at most {@code limit}, 0: all), as its run split them (the photo
     * folder and split seed its manifest names), named {@link #METHOD}.
     */
    public Score scoreOnTest(Path dataRoot, int limit) {
        InpaintingModel model = RunFolder.model(run);
        String photos = RunFolder.manifest(run).entries().get("photos");
        ImageSet test = ExperimentData.load(setting, dataRoot, photos == null ? null : Path.of(photos), 0, limit,
                PhotoSplitSeed.of(run), ValidationSplit.HOLDOUT).test();
        return new Evaluator(model.architecture().inferenceBatch())
                .score(options.around(new ModelInpainter(model)), test, model.mask()).named(METHOD);
    }

    /**
     * Scores each of {@code best} whose run has finished on its setting's test images (at most {@code testLimit}, 0:
     * all) and saves the rows ({@code setting, test, best} with every metric) as the notebook's {@code best} CSV
     * ({@link #testScoresFile}), with the runs' manifests and, as {@code best.<setting>}, which run and options each
     * row used.
     */
    public static Table saveTestScores(List<BestModel> best, Path dataRoot, int testLimit, Figures notebook) {
        List<BestModel> trained = best.stream().filter(BestModel::trained).toList();
        ResultTable scores = new ResultTable("best models, test images");
        Map<String, String> notes = new TreeMap<>();
        for (BestModel b : trained) {
            scores.add(b.setting().id(), "test", b.scoreOnTest(dataRoot, testLimit));
            notes.put(METHOD + "." + b.setting().id(), b.describe());
        }
        List<Path> runs = trained.stream().map(BestModel::run).toList();
        return Figures.save(scores.table(), testScoresFile(notebook), runs, notes);
    }

    /** Where {@link #saveTestScores} saves a notebook's best models' scores, and Table 1 reads them. */
    public static Path testScoresFile(Figures notebook) {
        return notebook.file("best", "csv");
    }

    /** "general-best with flip": for manifests and notes. */
    public String describe() {
        return run.getFileName() + " with " + options.describe();
    }
}
