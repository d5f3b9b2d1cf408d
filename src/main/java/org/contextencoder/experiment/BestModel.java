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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * This project's best model of a setting: a run and the inference options it fills holes with, both chosen on
 * validation images (notebook 07), which also scores it on the setting's test images for Table 1's {@code best}
 * rows ({@link #saveTestScores}).
 */
public record BestModel(Experiment setting, Path run, InferenceOptions options) {

    /** The method name of its rows. */
    public static final String METHOD = "best";
    /** The notebook that chooses and scores the best models. */
    static final String NOTEBOOK = "07-beyond-the-paper";

    /**
     * The best models among this scale's runs: for the CIFAR-10 settings the quick protocol's winner trained by
     * notebook 07 ({@code general-best}, {@code truck-best}) with {@link QuickProtocol#WINNER_OPTIONS}; for the
     * landmark setting the paper's U-Net of notebook 03 with {@link #LANDMARK_OPTIONS}, since no 128 px candidate was
     * trained.
     */
    public static List<BestModel> of(Scale scale) {
        return List.of(new BestModel(Experiment.GENERAL, QuickProtocol.winnerFolder(scale, Experiment.GENERAL),
                        QuickProtocol.WINNER_OPTIONS),
                new BestModel(Experiment.TRUCK, QuickProtocol.winnerFolder(scale, Experiment.TRUCK),
                        QuickProtocol.WINNER_OPTIONS),
                new BestModel(Experiment.LANDMARK, scale.runFolder("landmark"), LANDMARK_OPTIONS));
    }

    /**
     * How the 128 px model fills holes: flip averaging, which paid on the validation images of every 32 px model of
     * the quick protocol; notebook 07 checks every combination on the landmark validation photos.
     */
    public static final InferenceOptions LANDMARK_OPTIONS = InferenceOptions.FLIP;

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
     * all) and saves the rows ({@code setting, test, best} with every metric) to {@link #testScoresFile} in
     * {@code figures}, with the runs' manifests and, as {@code best.<setting>}, which run and options each row used.
     */
    public static Table saveTestScores(List<BestModel> best, Path dataRoot, int testLimit, Path figures) {
        List<BestModel> trained = best.stream().filter(BestModel::trained).toList();
        ResultTable scores = new ResultTable("best models, test images");
        Map<String, String> notes = new TreeMap<>();
        for (BestModel b : trained) {
            scores.add(b.setting().id(), "test", b.scoreOnTest(dataRoot, testLimit));
            notes.put(METHOD + "." + b.setting().id(), b.describe());
        }
        List<Path> runs = trained.stream().map(BestModel::run).toList();
        return Figures.save(scores.table(), testScoresFile(figures), runs, notes);
    }

    /** Where {@link #saveTestScores} saves in {@code figures}, and Table 1 reads. */
    public static Path testScoresFile(Path figures) {
        return new Figures(figures, NOTEBOOK).file("best", "csv");
    }

    /** "general-best with flip": for manifests and notes. */
    public String describe() {
        return run.getFileName() + " with " + options.describe();
    }
}
