package org.contextencoder.experiment;

import org.contextencoder.train.TrainingConfig;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything that defines a training run: the experiment, how to train, the hole, how many images
 * (0 = all), and where the data is ({@code photos} overrides the landmark folder; null for the default).
 */
public record RunSpec(Experiment experiment, TrainingConfig training, int hole, int trainLimit, int testLimit,
                      Path dataRoot, Path photos) {

    /** The paper's setting for an experiment: its default hole and batch size, all images. */
    public static RunSpec of(Experiment experiment, int epochs, Path dataRoot) {
        return new RunSpec(experiment, TrainingConfig.paperDefaults(epochs, experiment.defaultBatch()),
                experiment.architecture().defaultHole(), 0, 0, dataRoot, null);
    }

    public RunSpec withTraining(TrainingConfig t) {
        return new RunSpec(experiment, t, hole, trainLimit, testLimit, dataRoot, photos);
    }

    public RunSpec withHole(int h) {
        return new RunSpec(experiment, training, h, trainLimit, testLimit, dataRoot, photos);
    }

    public RunSpec withLimits(int train, int test) {
        return new RunSpec(experiment, training, hole, train, test, dataRoot, photos);
    }

    public RunSpec withPhotos(Path folder) {
        return new RunSpec(experiment, training, hole, trainLimit, testLimit, dataRoot, folder);
    }

    /**
     * The run's name in result tables: the experiment's id, with the hole when it is not the paper's default
     * ({@code landmark-hole64}), so two hole sizes of one experiment stay apart in a joined table.
     */
    public String setting() {
        return hole == experiment.architecture().defaultHole() ? experiment.id() : experiment.id() + "-hole" + hole;
    }

    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("experiment", experiment.id());
        m.put("architecture", experiment.architecture().id());
        m.put("image_size", Integer.toString(experiment.imageSize()));
        m.put("hole", Integer.toString(hole));
        m.putAll(training.asMap());
        m.put("train_limit", Integer.toString(trainLimit));
        m.put("test_limit", Integer.toString(testLimit));
        m.put("data_dir", dataRoot.toString());
        if (photos != null) m.put("photos", photos.toString());
        return m;
    }
}
