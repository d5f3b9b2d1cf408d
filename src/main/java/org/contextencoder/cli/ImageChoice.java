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

    /** A limit of 0: all the images. */
    private static final int ALL = 0;

    @ArgGroup(exclusive = false)
    ExperimentSplit experiment;

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

    /**
     * The images to score, and the images whose mean colour the training-mean baseline uses: the experiment's whole
     * training split, or for a folder of photos the scored photos themselves.
     */
    record Chosen(ImageSet scored, ImageSet training) {
    }

    /** The chosen images, a flat photo folder split by the default split seed. */
    Chosen load(Path dataRoot, int imageSize, int limit) {
        return load(dataRoot, imageSize, limit, ImageFolder.SPLIT_SEED);
    }

    /** The chosen images; {@code limit} (0: all) bounds the scored ones. */
    Chosen load(Path dataRoot, int imageSize, int limit, long photoSplitSeed) {
        if (folder != null) {
            ImageSet photos = ImageFolder.all(folder, imageSize, limit);
            return new Chosen(photos, photos);
        }
        Experiment e = Experiment.parse(experiment.name);
        if (e.imageSize() != imageSize) {
            throw new IllegalArgumentException("the " + e.id() + " experiment has " + e.imageSize()
                    + " px images but this model takes " + imageSize + " px images");
        }
        Split split = Split.parse(experiment.split);
        // Every training image (the training mean is theirs, no validation split held out of them); of the test
        // images those scored, or, when the training images are scored, just one (a limit of 0 would load them all).
        int testImages = split == Split.TEST ? limit : 1;
        Datasets data = ExperimentData.load(e, dataRoot, experiment.photos, ALL, testImages, photoSplitSeed,
                ValidationSplit.TEST);
        ImageSet scored = split == Split.TEST ? data.test() : limit > 0 ? data.train().limit(limit) : data.train();
        return new Chosen(scored, data.train());
    }
}
