package org.contextencoder.data;

import java.util.List;

/**
 * The validation split held out of a training split: its last tenth, in the split's fixed order (CIFAR-10's
 * official record order, so the last 5,000 of its 50,000 training images or the last 500 of a class's 5,000; a
 * photo folder's training photos in its split seed's shuffle). The same for every run, and never a test image.
 */
public final class Holdout {

    /** The share of the training images held out for validation. */
    public static final double FRACTION = 0.1;

    private Holdout() {
    }

    /** Where the validation images start among {@code n} training images: at least one of each is left. */
    public static int start(int n) {
        if (n < 2) {
            throw new DatasetException("a validation split is held out of the training images, and " + n
                    + " training image" + (n == 1 ? " is" : "s are") + " too few: add images, or validate on the"
                    + " test split (--validation test)");
        }
        return n - Math.max(1, (int) Math.round(n * FRACTION));
    }

    /** The training images less the validation ones. */
    public static ImageSet training(ImageSet split) {
        return split.slice(0, start(split.count()));
    }

    public static ImageSet validation(ImageSet split) {
        return split.slice(start(split.count()), split.count());
    }

    /** The training files less the validation ones. */
    static <T> List<T> training(List<T> split) {
        return split.subList(0, start(split.size()));
    }

    static <T> List<T> validation(List<T> split) {
        return split.subList(start(split.size()), split.size());
    }
}
