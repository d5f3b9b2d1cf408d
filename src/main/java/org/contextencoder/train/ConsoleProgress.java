package org.contextencoder.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress as plain lines (they read the same in a terminal, a log file and a notebook): batch lines with
 * throughput and time left, at most one every {@code intervalSeconds} and at most {@code linesPerEpoch} per epoch,
 * and one line per epoch. A terminal wants news every few seconds; a notebook that keeps its output wants a
 * few lines per epoch ({@link #forNotebooks()}).
 */
public final class ConsoleProgress implements ProgressListener {

    private final PrintStream out;
    private final double intervalSeconds;
    private final int linesPerEpoch;
    private final LongSupplier nanoClock;
    /** When the last batch line was printed, by {@code nanoClock}; null before the first, which prints at once. */
    private Long lastPrint;
    private int epoch;
    private int printedThisEpoch;

    public ConsoleProgress(PrintStream out, double intervalSeconds, int linesPerEpoch) {
        this(out, intervalSeconds, linesPerEpoch, System::nanoTime);
    }

    /**
     * {@code nanoClock} counts nanoseconds from an arbitrary origin, as {@link System#nanoTime()} does (on Linux,
     * from boot): only differences between its readings mean anything.
     */
    ConsoleProgress(PrintStream out, double intervalSeconds, int linesPerEpoch, LongSupplier nanoClock) {
        this.out = out;
        this.intervalSeconds = intervalSeconds;
        this.linesPerEpoch = linesPerEpoch;
        this.nanoClock = nanoClock;
    }

    /** For a terminal: a line every 10 seconds. */
    public ConsoleProgress() {
        this(System.out, 10, Integer.MAX_VALUE);
    }

    /** For a notebook: a line at each quarter of an epoch. */
    public static ConsoleProgress forNotebooks() {
        return new ConsoleProgress(System.out, 0, 4);
    }

    @Override
    public void batchDone(BatchProgress p) {
        if (p.epoch() != epoch) {
            epoch = p.epoch();
            printedThisEpoch = 0;
        }
        long now = nanoClock.getAsLong();
        boolean quotaAllows = (long) p.batch() * linesPerEpoch >= (long) (printedThisEpoch + 1) * p.batches();
        if (!quotaAllows || lastPrint != null && (now - lastPrint) / 1e9 < intervalSeconds) return;
        lastPrint = now;
        printedThisEpoch++;
        out.printf(Locale.ROOT, "epoch %d/%d  batch %d/%d  loss %.5f  %.1f img/s  epoch ETA %s  run ETA %s%n",
                p.epoch(), p.epochs(), p.batch(), p.batches(), p.loss(), p.imagesPerSecond(),
                duration(p.epochSecondsLeft()), duration(p.runSecondsLeft()));
    }

    /** The epoch's losses: training, validation, then the step's others (the joint loss's adversarial parts). */
    @Override
    public void epochDone(EpochRecord r, int epochs, boolean improved) {
        out.printf(Locale.ROOT, "epoch %d/%d done in %s: train %.5f, validation %.5f%s%s%n", r.epoch(), epochs,
                duration(r.seconds()), r.trainLoss(), r.valLoss(), otherLosses(r), improved ? " (best so far)" : "");
    }

    /** ", adversarial 0.29331, discriminator 0.67173": an epoch's other losses, or nothing if it has none. */
    public static String otherLosses(EpochRecord r) {
        StringBuilder others = new StringBuilder();
        r.otherLosses().forEach((name, loss) -> others.append(String.format(Locale.ROOT, ", %s %.5f", name, loss)));
        return others.toString();
    }

    /** 42s, 8m12s, 3h05m: as long as a glance needs. */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) return s + "s";
        if (s < 3600) return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
