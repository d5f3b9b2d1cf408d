package org.contextencoder.experiment;

import org.contextencoder.data.Cifar10;
import org.contextencoder.data.DataRoot;
import org.contextencoder.data.ImageFolder;
import org.contextencoder.data.Split;
import org.contextencoder.model.Architecture;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/** The paper's three settings (section 3): which images, which model, which hole. */
public enum Experiment {
    /** 3.1: all of CIFAR-10, the 32x32 model, a 16x16 centre hole. */
    GENERAL(Architecture.CE32, List.of()),
    /** 3.2: CIFAR-10's trucks only (5,000 train / 1,000 test). */
    TRUCK(Architecture.CE32, List.of("truck")),
    /** 3.2: 128x128 landmark photos (here the scenery stand-in, or any folder of photos), a 32x32 centre hole. */
    LANDMARK(Architecture.UNET128, List.of());

    /** The landmark photos' folder under the data root, unless another folder is given. */
    public static final String LANDMARK_FOLDER = "scenes";

    private final Architecture architecture;
    private final List<String> classes;

    Experiment(Architecture architecture, List<String> classes) {
        this.architecture = architecture;
        this.classes = classes;
    }

    public Architecture architecture() {
        return architecture;
    }

    public int imageSize() {
        return architecture.imageSize();
    }

    public boolean usesPhotos() {
        return this == LANDMARK;
    }

    /** The images of a new run: {@link #load(Path, Path, int, int, long)} with the split seed every run uses. */
    public Datasets load(Path dataRoot, Path photos, int trainLimit, int testLimit) {
        return load(dataRoot, photos, trainLimit, testLimit, ImageFolder.SPLIT_SEED);
    }

    /**
     * Loads the images: CIFAR-10 from {@code dataRoot} (downloaded if missing), photos from {@code photos} or
     * else {@code dataRoot/scenes}. Limits of 0 mean all images. {@code photoSplitSeed} shuffles a flat photo
     * folder before its 80/20 split; it is not the training seed (see {@link PhotoSplitSeed}).
     */
    public Datasets load(Path dataRoot, Path photos, int trainLimit, int testLimit, long photoSplitSeed) {
        if (usesPhotos()) {
            if (photos == null) DataRoot.requireFolder(dataRoot);
            Path folder = photos != null ? photos : dataRoot.resolve(LANDMARK_FOLDER);
            ImageFolder images = new ImageFolder(folder, imageSize(), photoSplitSeed);
            return new Datasets(images.split(Split.TRAIN, trainLimit), images.split(Split.TEST, testLimit),
                    folder.toString(), folder, OptionalLong.of(photoSplitSeed));
        }
        Cifar10 cifar = Cifar10.open(dataRoot);
        return new Datasets(cifar.split(Split.TRAIN, classes, trainLimit), cifar.split(Split.TEST, classes, testLimit),
                cifar.folder() + (classes.isEmpty() ? "" : " classes " + String.join(",", classes)),
                cifar.folder(), OptionalLong.empty());
    }

    public static Experiment parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown experiment '" + name + "': use general, truck or landmark");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
