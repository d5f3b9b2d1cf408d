package org.contextencoder.cli;

import org.contextencoder.data.ImageFolder;
import org.contextencoder.data.ImageSet;
import org.contextencoder.data.Split;
import org.contextencoder.experiment.Experiment;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Which images to score: an experiment's split, or every photo in a folder. */
final class ImageChoice {

    @ArgGroup(exclusive = false)
    ExperimentSplit experiment;

    @Option(names = "--images", paramLabel = "DIR", description = "A folder of photos (model size or larger).")
    Path folder;

    static final class ExperimentSplit {
        @Option(names = "--experiment", required = true, description = "general, truck or landmark")
        String name;

        @Option(names = "--split", defaultValue = "test", description = "train or test (default ${DEFAULT-VALUE})")
        String split;
    }

    ImageSet load(Path dataRoot, int imageSize, int limit) {
        if (folder != null) return ImageFolder.all(folder, imageSize, limit);
        Experiment e = Experiment.parse(experiment.name);
        if (e.imageSize() != imageSize) {
            throw new IllegalArgumentException("the " + e.id() + " experiment has " + e.imageSize()
                    + " px images but this model takes " + imageSize + " px images");
        }
        Split split = Split.parse(experiment.split);
        var sets = e.load(dataRoot, null, split == Split.TRAIN ? limit : 1, split == Split.TEST ? limit : 1, 0);
        return split == Split.TRAIN ? sets.train() : sets.test();
    }

    /** The training images of the chosen experiment, for the training-mean baseline (the images themselves for a folder). */
    ImageSet trainingImages(Path dataRoot, int imageSize, ImageSet scored) {
        if (folder != null) return scored;
        return Experiment.parse(experiment.name).load(dataRoot, null, 0, 1, 0).train();
    }
}
