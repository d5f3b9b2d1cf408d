package org.contextencoder.experiment;

import org.contextencoder.data.Cifar10;
import org.contextencoder.data.ImageFolder;
import org.contextencoder.data.ImageSet;
import org.contextencoder.data.Split;
import org.contextencoder.eval.Baseline;
import org.contextencoder.eval.Evaluator;
import org.contextencoder.eval.InferenceOptions;
import org.contextencoder.eval.ModelInpainter;
import org.contextencoder.mask.CenterMask;
import org.contextencoder.model.InpaintingModel;
import org.contextencoder.viz.MetricFormats;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Does a model repair images it was not trained on? Each model, with its inference options, and the harmonic fill
 * are scored on named image sets with the centre hole; a row per model and set says whether the model trained on
 * images of that source and how far below the harmonic fill it is: {@code gain = 1 - masked_mse / harmonic_mse}.
 * A model is scored on the sets of its own image size only. The harmonic fill's figure of each set is computed
 * once, for every model scored.
 */
public final class Generalisation {

    /** Sources of training images, as {@link #trainedOn} names them and each set names its own. */
    public static final String CIFAR10 = "cifar10";
    public static final String UNSEEN = "unseen-photos";
    /** The test-only photos under the data root: 783 crops of 128 px from sources CIFAR-10 and the scenes lack. */
    public static final String UNSEEN_FOLDER = "unseen-photos/test-128";
    /** The file of the table in the figures folder. */
    public static final String FILE = "07-generalisation.csv";

    /** A named image set and the source of its images. */
    public record Images(String name, String source, ImageSet images) {
    }

    /** One line of the table. */
    public record Row(String model, int imageSize, String images, boolean trainedOnThese, double maskedMse,
                      double harmonicMse) {
        public double gain() {
            return 1 - maskedMse / harmonicMse;
        }
    }

    private final List<Images> sets;
    private final Map<String, Double> harmonic = new HashMap<>();

    public Generalisation(List<Images> sets) {
        this.sets = List.copyOf(sets);
    }

    /** CIFAR-10's test images ({@code cifar10-test}), at most {@code limit} (0: all 10,000). */
    public static Images cifar10Test(Path dataRoot, int limit) {
        return new Images("cifar10-test", CIFAR10, Cifar10.open(dataRoot).split(Split.TEST, List.of(), limit));
    }

    /**
     * The landmark experiment's test photos ({@code scenes-test-SIZE}): the photos of {@code dataRoot/scenes} that its
     * runs hold out, split as {@link ExperimentData} splits them with the default split seed, at {@code size} px.
     */
    public static Images scenesTest(Path dataRoot, int size, int limit) {
        ImageFolder photos = new ImageFolder(dataRoot.resolve(Experiment.LANDMARK_FOLDER), size,
                ImageFolder.SPLIT_SEED);
        return new Images("scenes-test-" + size, Experiment.LANDMARK_FOLDER, photos.split(Split.TEST, limit));
    }

    /**
     * The landmark experiment's validation photos ({@code scenes-validation-SIZE}): held out of its training photos,
     * so no run trains on them (scene crops exclude them too), at {@code size} px. Choices about photos are made here.
     */
    public static Images scenesValidation(Path dataRoot, int size, int limit) {
        ImageFolder photos = new ImageFolder(dataRoot.resolve(Experiment.LANDMARK_FOLDER), size, ImageFolder.SPLIT_SEED);
        return new Images("scenes-validation-" + size, Experiment.LANDMARK_FOLDER, photos.validation(limit));
    }

    /** The unseen photos ({@code unseen-photos-SIZE}), loaded as {@code evaluate --images} loads a folder. */
    public static Images unseenPhotos(Path dataRoot, int size, int limit) {
        return new Images(UNSEEN + "-" + size, UNSEEN, ImageFolder.all(dataRoot.resolve(UNSEEN_FOLDER), size, limit));
    }

    /** CIFAR-10's test images, the scenes' test photos and the unseen photos at 32 px; the unseen photos at 128. */
    public static List<Images> standardSets(Path dataRoot, int limit) {
        return List.of(cifar10Test(dataRoot, limit), scenesTest(dataRoot, 32, limit), unseenPhotos(dataRoot, 32, limit),
                unseenPhotos(dataRoot, 128, limit));
    }

    /**
     * The sources a run's images came from, by its manifest: CIFAR-10 for the general and truck experiments, for the
     * landmark experiment its photo folder's name ({@code scenes} unless another folder was given).
     */
    public static Set<String> trainedOn(Map<String, String> manifest) {
        String experiment = manifest.get("experiment");
        if (experiment == null) {
            throw new IllegalArgumentException("the manifest names no experiment, so what the model trained on is not"
                    + " known: pass the sources it trained on instead");
        }
        if (!Experiment.parse(experiment).usesPhotos()) {
            // Crops of the landmark training photos joined CIFAR-10's images (never its validation or test photos).
            boolean crops = Integer.parseInt(manifest.getOrDefault("scene_crops", "0")) > 0;
            return crops ? Set.of(CIFAR10, Experiment.LANDMARK_FOLDER) : Set.of(CIFAR10);
        }
        String photos = manifest.get("photos");
        return Set.of(photos == null ? Experiment.LANDMARK_FOLDER : Path.of(photos).getFileName().toString());
    }

    /** The run in {@code runFolder}, named by its folder, trained on what its manifest says. */
    public List<Row> score(Path runFolder, InferenceOptions options) {
        return score(runFolder.getFileName().toString(), RunFolder.model(runFolder), options,
                trainedOn(RunFolder.manifest(runFolder).entries()));
    }

    /**
     * {@code model} with {@code options} on every set of its image size; the rows name it {@code name}, with the
     * options after a '+' unless there are none.
     */
    public List<Row> score(String name, InpaintingModel model, InferenceOptions options, Set<String> trainedOn) {
        String label = options.equals(InferenceOptions.NONE) ? name : name + "+" + options.describe();
        Evaluator evaluator = new Evaluator(model.architecture().inferenceBatch());
        CenterMask mask = new CenterMask(model.imageSize(), model.holeSize());
        List<Row> rows = new ArrayList<>();
        for (Images set : sets) {
            if (set.images().side() != model.imageSize()) continue;
            double mse = evaluator.score(options.around(new ModelInpainter(model)), set.images(), mask).maskedMse();
            rows.add(new Row(label, model.imageSize(), set.name(), trainedOn.contains(set.source()), mse,
                    harmonicMse(set, mask)));
        }
        return rows;
    }

    private synchronized double harmonicMse(Images set, CenterMask mask) {
        return harmonic.computeIfAbsent(set.name() + "/" + mask.holeSize(),
                k -> new Evaluator(256).score(Baseline.harmonic(), set.images(), mask).maskedMse());
    }

    /** The runs in these folders, each with every one of {@code options} in turn (each once, if named twice). */
    public List<Row> rows(List<Path> runFolders, List<InferenceOptions> options) {
        List<Row> rows = new ArrayList<>();
        for (Path folder : runFolders) {
            for (InferenceOptions o : new LinkedHashSet<>(options)) rows.addAll(score(folder, o));
        }
        return rows;
    }

    /** The rows as the table of {@code figures/07-generalisation.csv}. */
    public static Table table(List<Row> rows) {
        Table table = Table.create("generalisation",
                StringColumn.create("model", rows.stream().map(Row::model)),
                IntColumn.create("image_size", rows.stream().mapToInt(Row::imageSize).toArray()),
                StringColumn.create("images", rows.stream().map(Row::images)),
                BooleanColumn.create("trained_on_these", rows.stream().map(Row::trainedOnThese).toList()),
                DoubleColumn.create("masked_mse", rows.stream().mapToDouble(Row::maskedMse)),
                DoubleColumn.create("harmonic_mse", rows.stream().mapToDouble(Row::harmonicMse)),
                DoubleColumn.create("gain", rows.stream().mapToDouble(Row::gain)));
        MetricFormats.applyTo(table);
        return table;
    }

    /**
     * Saves the table as {@link #FILE} in {@code folder}, with the manifests of the runs its rows score beside it;
     * returns the table.
     */
    public static Table save(Table table, Path folder, List<Path> runFolders) {
        return Figures.save(table, folder.resolve(FILE), runFolders.stream().distinct().toList());
    }
}
