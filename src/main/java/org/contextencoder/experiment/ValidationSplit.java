package org.contextencoder.experiment;

import org.contextencoder.data.Holdout;

import java.util.Locale;
import java.util.Map;

/**
 * Which images choose the epoch a run keeps: its validation loss drives early stopping and the learning rate's
 * halving, and its best epoch is the model.
 */
public enum ValidationSplit {
    /**
     * The last tenth of the training images ({@link Holdout}): the test split is scored once, at the end, on a model
     * chosen without it. The default for new runs.
     */
    HOLDOUT,
    /**
     * The test split doubles as validation: the protocol of the committed Table 1 and of every run made before the
     * choice existed, kept so that those results can be reproduced.
     */
    TEST;

    /** The key in a run's settings. */
    public static final String KEY = "validation";

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ValidationSplit parse(String id) {
        for (ValidationSplit v : values()) if (v.id().equals(id.trim().toLowerCase(Locale.ROOT))) return v;
        throw new IllegalArgumentException("unknown validation split '" + id + "': use holdout or test");
    }

    /** The split a run's saved settings name; a run saved before the choice existed validated on the test split. */
    static ValidationSplit of(Map<String, String> settings) {
        String id = settings.get(KEY);
        return id == null ? TEST : parse(id);
    }
}
