package org.contextencoder.train;

/**
 * Where an epoch stands after a batch: the running mean loss, the throughput so far this epoch, and the
 * estimated seconds left in this epoch and in the whole run (assuming later epochs run as fast as this one).
 */
public record BatchProgress(int epoch, int epochs, int batch, int batches, double loss, double imagesPerSecond,
                            double epochSecondsLeft, double runSecondsLeft) {
}
