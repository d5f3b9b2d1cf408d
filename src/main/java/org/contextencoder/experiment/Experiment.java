package org.contextencoder.experiment;

import org.contextencoder.model.Architecture;

import java.util.List;
import java.util.Locale;

/**
 * The paper's three settings (section 3): which images, which model, which hole. {@link ExperimentData} loads
 * their images.
 */
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

    /** The CIFAR-10 classes it trains on (all when empty; none for photos). */
    public List<String> classes() {
        return classes;
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
