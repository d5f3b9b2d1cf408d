package org.contextencoder.experiment;

import org.contextencoder.data.Cifar10;
import org.contextencoder.data.DataRoot;
import org.contextencoder.data.Holdout;
import org.contextencoder.data.ImageFolder;
import org.contextencoder.data.ImageSet;
import org.contextencoder.data.Split;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * An experiment's images: CIFAR-10's (or one class's) or a folder of photos, split for training and testing, with
 * the validation split held out of the training images ({@link ValidationSplit#HOLDOUT}, see {@link Holdout}) or
 * taken from the test images ({@link ValidationSplit#TEST}).
 */
public final class ExperimentData {

    private ExperimentData() {
    }

    /**
     * A run's images, as training will see them: for looking at the data first. A run with scene crops
     * ({@link org.contextencoder.train.Recipe#sceneCrops()}) trains on CIFAR-10's images followed by that many crops
     * of the landmark experiment's training photos ({@code scenes} under the data root, less its validation photos,
     * never its test photos), made with the run's seed; its validation and test images stay CIFAR-10's.
     */
    public static Datasets load(RunSpec spec) {
        Datasets d = load(spec.experiment(), spec.dataRoot(), spec.photos(), spec.trainLimit(), spec.testLimit(),
                ImageFolder.SPLIT_SEED, spec.validation());
        int crops = spec.training().recipe().sceneCrops();
        if (crops == 0) return d;
        Path folder = spec.dataRoot().resolve(Experiment.LANDMARK_FOLDER);
        ImageSet scenes = new ImageFolder(folder, spec.experiment().imageSize(), ImageFolder.SPLIT_SEED)
                .trainingCrops(crops, spec.training().seed());
        return new Datasets(d.train().followedBy(scenes), d.validation(), d.test(), d.validationSplit(),
                d.source() + "; training images also " + scenes.count() + " random crops of the training photos"
                        + " (less the validation ones) in " + folder + ", validation and test images CIFAR-10's only",
                d.folder(), d.photoSplitSeed());
    }

    /**
     * Loads the images: CIFAR-10 from {@code dataRoot} (downloaded if missing), photos from {@code photos} or
     * else {@code dataRoot/scenes}. Limits of 0 mean all images; {@code trainLimit} counts the training images left
     * after the validation ones are held out, {@code testLimit} the test images and the validation ones.
     * {@code photoSplitSeed} shuffles a flat photo folder before its 80/20 split; it is not the training seed (see
     * {@link PhotoSplitSeed}).
     */
    public static Datasets load(Experiment experiment, Path dataRoot, Path photos, int trainLimit, int testLimit,
                                long photoSplitSeed, ValidationSplit validation) {
        boolean holdout = validation == ValidationSplit.HOLDOUT;
        if (experiment.usesPhotos()) {
            if (photos == null) DataRoot.requireFolder(dataRoot);
            Path folder = photos != null ? photos : dataRoot.resolve(Experiment.LANDMARK_FOLDER);
            ImageFolder images = new ImageFolder(folder, experiment.imageSize(), photoSplitSeed);
            ImageSet test = images.split(Split.TEST, testLimit);
            return new Datasets(holdout ? images.trainingLessValidation(trainLimit) : images.split(Split.TRAIN,
                    trainLimit), holdout ? images.validation(testLimit) : test, test, validation,
                    folder.toString(), folder, OptionalLong.of(photoSplitSeed));
        }
        Cifar10 cifar = Cifar10.open(dataRoot);
        List<String> classes = experiment.classes();
        ImageSet test = cifar.split(Split.TEST, classes, testLimit);
        ImageSet train = cifar.split(Split.TRAIN, classes, holdout ? 0 : trainLimit);
        return new Datasets(holdout ? atMost(Holdout.training(train), trainLimit) : train,
                holdout ? atMost(Holdout.validation(train), testLimit) : test, test, validation,
                cifar.folder() + (classes.isEmpty() ? "" : " classes " + String.join(",", classes)), cifar.folder(),
                OptionalLong.empty());
    }

    private static ImageSet atMost(ImageSet images, int limit) {
        return limit > 0 ? images.limit(limit) : images;
    }
}
