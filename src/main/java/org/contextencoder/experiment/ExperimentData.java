package org.contextencoder.experiment;

import org.contextencoder.data.Cifar10;
import org.contextencoder.data.DataRoot;
import org.contextencoder.data.ImageFolder;
import org.contextencoder.data.Split;

import java.nio.file.Path;
import java.util.OptionalLong;

/** An experiment's images: CIFAR-10's (or one class's) or a folder of photos, split for training and testing. */
public final class ExperimentData {

    private ExperimentData() {
    }

    /** A run's training and test images, as training will see them: for looking at the data first. */
    public static Datasets load(RunSpec spec) {
        return load(spec.experiment(), spec.dataRoot(), spec.photos(), spec.trainLimit(), spec.testLimit(),
                ImageFolder.SPLIT_SEED);
    }

    /**
     * Loads the images: CIFAR-10 from {@code dataRoot} (downloaded if missing), photos from {@code photos} or
     * else {@code dataRoot/scenes}. Limits of 0 mean all images. {@code photoSplitSeed} shuffles a flat photo
     * folder before its 80/20 split; it is not the training seed (see {@link PhotoSplitSeed}).
     */
    public static Datasets load(Experiment experiment, Path dataRoot, Path photos, int trainLimit, int testLimit,
                                long photoSplitSeed) {
        if (experiment.usesPhotos()) {
            if (photos == null) DataRoot.requireFolder(dataRoot);
            Path folder = photos != null ? photos : dataRoot.resolve(Experiment.LANDMARK_FOLDER);
            ImageFolder images = new ImageFolder(folder, experiment.imageSize(), photoSplitSeed);
            return new Datasets(images.split(Split.TRAIN, trainLimit), images.split(Split.TEST, testLimit),
                    folder.toString(), folder, OptionalLong.of(photoSplitSeed));
        }
        Cifar10 cifar = Cifar10.open(dataRoot);
        return new Datasets(cifar.split(Split.TRAIN, experiment.classes(), trainLimit),
                cifar.split(Split.TEST, experiment.classes(), testLimit),
                cifar.folder() + (experiment.classes().isEmpty() ? "" : " classes "
                        + String.join(",", experiment.classes())), cifar.folder(), OptionalLong.empty());
    }
}
