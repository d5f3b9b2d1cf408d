package org.contextencoder.experiment;

import org.contextencoder.model.Architecture;
import org.contextencoder.model.Architectures;
import org.contextencoder.model.Discriminator;
import org.contextencoder.train.Recipe;
import org.contextencoder.train.TrainingConfig;
import org.contextencoder.train.TrainingLoss;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Everything that defines a training run: the experiment, the network, how to train, the hole, how many images
 * (0 = all), where the data is ({@code photos} overrides the landmark folder; null for the default), which
 * images validate it, the loss the generator learns from, and the finished model it starts from (null: new
 * weights).
 */
public record RunSpec(Experiment experiment, Architecture architecture, TrainingConfig training, int hole,
                      int trainLimit, int testLimit, Path dataRoot, Path photos, ValidationSplit validation,
                      TrainingLoss loss, StartingModel start) {

    public RunSpec {
        if (architecture.imageSize() != experiment.imageSize()) {
            throw new IllegalArgumentException("the " + experiment.id() + " experiment has " + experiment.imageSize()
                    + " px images, which the " + architecture.id() + " model does not take: use " + Architectures.all()
                    .stream().filter(a -> a.imageSize() == experiment.imageSize()).map(Architecture::id)
                    .collect(Collectors.joining(" or ")));
        }
        architecture.requireHole(hole);
        requireLimit("training", trainLimit);
        requireLimit("test", testLimit);
        training.recipe().requireFits(architecture);
        if (training.recipe().sceneCrops() > 0 && experiment.usesPhotos()) {
            throw new IllegalArgumentException("scene crops add the landmark training photos to CIFAR-10's images, and"
                    + " the " + experiment.id() + " experiment trains on photos already: give --scene-crops only to"
                    + " the general and truck experiments");
        }
        if (photos != null && !experiment.usesPhotos()) {
            throw new IllegalArgumentException("the " + experiment.id() + " experiment reads CIFAR-10 from the data"
                    + " folder, not photos: give a photo folder only to the landmark experiment");
        }
        loss.requireFits(training);
        if (start != null) start.requireFits(architecture, hole, training.fill());
    }

    private static void requireLimit(String split, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("a " + split + " image limit of " + limit
                    + " is not possible: give 0 (all images) or a positive number");
        }
    }

    /**
     * The paper's setting for an experiment: its model, default hole and batch size, all images, the L2 loss and new
     * weights; validated on a split held out of the training images, as every new run is.
     */
    public static RunSpec of(Experiment experiment, int epochs, Path dataRoot) {
        Architecture a = experiment.architecture();
        return new RunSpec(experiment, a, TrainingConfig.paperDefaults(epochs, a.trainingBatch())
                .withFill(a.defaultFill()), a.defaultHole(), 0, 0, dataRoot, null, ValidationSplit.HOLDOUT,
                TrainingLoss.L2, null);
    }

    /** The run with another model, and that model's default hole fill. */
    public RunSpec withArchitecture(Architecture a) {
        return new RunSpec(experiment, a, training.withFill(a.defaultFill()), hole, trainLimit, testLimit, dataRoot,
                photos, validation, loss, start);
    }

    public RunSpec withTraining(TrainingConfig t) {
        return new RunSpec(experiment, architecture, t, hole, trainLimit, testLimit, dataRoot, photos, validation,
                loss, start);
    }

    /** The run with the training choices beyond the paper's ({@link Recipe}). */
    public RunSpec withRecipe(Recipe r) {
        return withTraining(training.withRecipe(r));
    }

    public RunSpec withHole(int h) {
        return new RunSpec(experiment, architecture, training, h, trainLimit, testLimit, dataRoot, photos, validation,
                loss, start);
    }

    public RunSpec withLimits(int train, int test) {
        return new RunSpec(experiment, architecture, training, hole, train, test, dataRoot, photos, validation, loss,
                start);
    }

    public RunSpec withPhotos(Path folder) {
        return new RunSpec(experiment, architecture, training, hole, trainLimit, testLimit, dataRoot, folder,
                validation, loss, start);
    }

    public RunSpec withValidation(ValidationSplit v) {
        return new RunSpec(experiment, architecture, training, hole, trainLimit, testLimit, dataRoot, photos, v, loss,
                start);
    }

    public RunSpec withLoss(TrainingLoss l) {
        return new RunSpec(experiment, architecture, training, hole, trainLimit, testLimit, dataRoot, photos,
                validation, l, start);
    }

    /** Pathak et al.'s joint loss with weight {@code w} on the adversarial term, against the patch discriminator. */
    public RunSpec withJointLoss(double w) {
        return withLoss(TrainingLoss.joint(w, Discriminator.Choice.PATCH));
    }

    /** The run's generator starts from the weights of a finished model ({@code DIR/model.zip}); null: new weights. */
    public RunSpec withInitFrom(Path modelFile) {
        return new RunSpec(experiment, architecture, training, hole, trainLimit, testLimit, dataRoot, photos,
                validation, loss, modelFile == null ? null : StartingModel.of(modelFile));
    }

    /**
     * The run's name in result tables: the experiment's id, with the model when it is not the paper's
     * ({@code truck-unet32}) and the hole when it is not the paper's default ({@code landmark-hole64}), so runs
     * of one experiment stay apart in a joined table.
     */
    public String setting() {
        String name = experiment.id();
        if (architecture != experiment.architecture()) name += "-" + architecture.id();
        return hole == architecture.defaultHole() ? name : name + "-hole" + hole;
    }

    /**
     * The settings that shape the model or its data, of this run or of the {@link #asMap()} a run folder saved: all
     * but the epochs, the patience and where the data lives, with the photo folder for an experiment on photos, and
     * the validation split (the test split for a folder saved before the choice existed); a starting model counts by
     * its contents, wherever the file lies. A run can only be resumed with the same.
     */
    public static Map<String, String> shaping(Map<String, String> settings) {
        Map<String, String> m = new TreeMap<>(settings);
        m.keySet().removeAll(List.of("epochs", "patience", "data_dir", "photos", StartingModel.KEY));
        m.put(ValidationSplit.KEY, ValidationSplit.of(settings).id());
        boolean onPhotos = Arrays.stream(Experiment.values())
                .anyMatch(e -> e.usesPhotos() && e.id().equals(settings.get("experiment")));
        String photos = settings.get("photos");
        String root = settings.get("data_dir");
        if (onPhotos && (photos != null || root != null)) {
            Path folder = photos != null ? Path.of(photos) : Path.of(root).resolve(Experiment.LANDMARK_FOLDER);
            m.put("photos", folder.toAbsolutePath().normalize().toString());
        }
        return m;
    }

    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("experiment", experiment.id());
        m.put("architecture", architecture.id());
        m.put("image_size", Integer.toString(experiment.imageSize()));
        m.put("hole", Integer.toString(hole));
        m.putAll(training.asMap());
        m.putAll(loss.settings());
        if (start != null) m.putAll(start.asMap());
        m.put("train_limit", Integer.toString(trainLimit));
        m.put("test_limit", Integer.toString(testLimit));
        m.put("data_dir", dataRoot.toString());
        if (photos != null) m.put("photos", photos.toString());
        m.put(ValidationSplit.KEY, validation.id());
        return m;
    }
}
