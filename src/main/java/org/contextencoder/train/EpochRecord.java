package org.contextencoder.train;

/** One epoch's result: losses are true per-pixel mean squared errors inside the hole, pixels in [0,1]. */
public record EpochRecord(int epoch, double trainLoss, double valLoss, double seconds) {
}
