package org.contextencoder.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress as plain lines (they read the same in a terminal, a log file and a notebook): a batch line at most
 * every {@code intervalSeconds}, with throughput and time left, and one line per epoch.
 */
public final class ConsoleProgress implements ProgressListener {

    private final PrintStream out;
    private final double intervalSeconds;
    private long lastPrint;

    public ConsoleProgress(PrintStream out, double intervalSeconds) {
        this.out = out;
        this.intervalSeconds = intervalSeconds;
    }

    public ConsoleProgress() {
        this(System.out, 10);
    }

    @Override
    public void batchDone(BatchProgress p) {
        long now = System.nanoTime();
        if (p.batch() < p.batches() && (now - lastPrint) / 1e9 < intervalSeconds) return;
        lastPrint = now;
        out.printf(Locale.ROOT, "epoch %d/%d  batch %d/%d  loss %.5f  %.1f img/s  epoch ETA %s  run ETA %s%n",
                p.epoch(), p.epochs(), p.batch(), p.batches(), p.loss(), p.imagesPerSecond(),
                duration(p.epochSecondsLeft()), duration(p.runSecondsLeft()));
    }

    @Override
    public void epochDone(EpochRecord r, int epochs, boolean improved) {
        out.printf(Locale.ROOT, "epoch %d/%d done in %s: train %.5f, validation %.5f%s%n", r.epoch(), epochs,
                duration(r.seconds()), r.trainLoss(), r.valLoss(), improved ? " (best so far)" : "");
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) return s + "s";
        if (s < 3600) return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
