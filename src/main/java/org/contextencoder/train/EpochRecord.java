package org.contextencoder.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One epoch's result: losses are true per-pixel mean squared errors inside the hole, pixels in [0,1].
 * {@code otherLosses} are the epoch means of the losses a training step reports after its training loss (none for
 * the paper's L2 step), by name.
 */
public record EpochRecord(int epoch, double trainLoss, double valLoss, double seconds,
                          Map<String, Double> otherLosses) {

    public EpochRecord {
        otherLosses = Collections.unmodifiableMap(new LinkedHashMap<>(otherLosses));
    }

    public EpochRecord(int epoch, double trainLoss, double valLoss, double seconds) {
        this(epoch, trainLoss, valLoss, seconds, Map.of());
    }
}
