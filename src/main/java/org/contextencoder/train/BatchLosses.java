package org.contextencoder.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One batch's losses by name, in the order a step reports them. The first is the training loss (history.csv's
 * {@code train_loss}, the progress line's loss); any others become columns of their own in the history.
 */
public record BatchLosses(Map<String, Double> parts) {

    public BatchLosses {
        if (parts.isEmpty()) throw new IllegalArgumentException("a batch has at least one loss");
        parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    public static BatchLosses of(String name, double loss) {
        return new BatchLosses(Map.of(name, loss));
    }

    public double trainLoss() {
        return parts.values().iterator().next();
    }
}
