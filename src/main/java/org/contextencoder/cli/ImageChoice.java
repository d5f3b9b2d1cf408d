package org.contextencoder.cli;

import org.contextencoder.data.ImageFolder;
import org.contextencoder.data.ImageSet;
import org.contextencoder.data.Split;
import org.contextencoder.experiment.Datasets;
import org.contextencoder.experiment.Experiment;
import org.contextencoder.experiment.ExperimentData;
import org.contextencoder.experiment.ValidationSplit;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Which images to score: an experiment's split, or every photo in a folder. A flat folder of landmark photos is
 * split as training split it: by the run's recorded split seed (see {@code PhotoSplitSeed}), never by a training
 * seed.
 */
final class ImageChoice {

    @ArgGroup(exclusive = false)
    ExperimentSplit experiment;

    /** The experiment's images, as {@link #load} read them. */
    private Datasets loaded;

    @Option(names = "--images", paramLabel = "DIR", description = "A folder of photos (model size or larger).")
    Path folder;

    static final class ExperimentSplit {
        @Option(names = "--experiment", required = true, description = "general, truck or landmark")
        String name;

        @Option(names = "--split", defaultValue = "test", description = "train or test (default ${DEFAULT-VALUE})")
        String split;

        @Option(names = "--photos", paramLabel = "DIR",
                description = "Landmark photos folder, as given to train (default: DATA_DIR/scenes).")
        Path photos;
    }

    /** The images to score, a flat photo folder split by the default split seed. */
    ImageSet load(Path dataRoot, int imageSize, int limit) {
        return load(dataRoot, imageSize, limit, ImageFolder.SPLIT_SEED);
    }

    /** The images to score; for an experiment, loaded once with its training split for the training mean. */
    ImageSet load(Path dataRoot, int imageSize, int limit, long photoSplitSeed) {
        if (folder != null) return ImageFolder.all(folder, imageSize, limit);
        Experiment e = Experiment.parse(experiment.name);
        if (e.imageSize() != imageSize) {
            throw new IllegalArgumentException("the " + e.id() + " experiment has " + e.imageSize()
                    + " px images but this model takes " + imageSize + " px images");
        }
        Split split = Split.parse(experiment.split);
        // The whole training split (no validation split held out of it) is what --split train scores.
        loaded = ExperimentData.load(e, dataRoot, experiment.photos, 0, split == Split.TEST ? limit : 1,
                photoSplitSeed, ValidationSplit.TEST);
        if (split == Split.TEST) return loaded.test();
        return limit > 0 ? loaded.train().limit(limit) : loaded.train();
    }

    /**
     * The images whose mean colour the training-mean baseline uses: the experiment's whole training split, or the
     * scored photos themselves for a folder.
     */
    ImageSet trainingImages(ImageSet scored) {
        return folder != null ? scored : loaded.train();
    }
}
