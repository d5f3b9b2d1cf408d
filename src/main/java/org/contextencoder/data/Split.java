package org.contextencoder.data;

import java.util.Locale;

/** Which part of a dataset: the images a model learns from, or the held-out ones it is judged on. */
public enum Split {
    TRAIN, TEST;

    public static Split parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown split '" + name + "': use train or test");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
