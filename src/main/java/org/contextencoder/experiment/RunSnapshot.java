package org.contextencoder.experiment;

import org.contextencoder.eval.ModelInpainter;
import org.contextencoder.train.EpochRecord;
import org.contextencoder.train.LossHistory;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a run's folder holds at one moment, whether the run finished, is training now or was stopped: its
 * settings ({@code config.properties}, then what the manifest says about data, code and machine), the loss
 * history so far, the model's test figures once {@code metrics.csv} is written, and how long ago the folder
 * was last written.
 */
public record RunSnapshot(Path folder, Map<String, String> settings, LossHistory history,
                          Map<String, Double> testScores, boolean finished, Duration sinceUpdate) {

    /** Manifest entries that say what a run measured or when, not how it was set up. */
    static final Set<String> OUTCOMES = Set.of("created", "finished", "epochs_run", "best_epoch", "stopped_early",
            "training_seconds", "wall_seconds_this_session");

    /**
     * A run that has not finished counts as training while its folder was written within twice its longest
     * epoch (at least {@code MIN_QUIET}), or within {@code FIRST_EPOCH_QUIET} before its first epoch ends: the
     * folder records epochs, not the process, so a run killed a minute ago still looks like training for a while.
     */
    static final Duration MIN_QUIET = Duration.ofMinutes(10);
    static final Duration FIRST_EPOCH_QUIET = Duration.ofHours(1);

    public static RunSnapshot read(Path folder) {
        if (!holdsRun(folder)) {
            throw new IllegalArgumentException("no run in " + folder + " (no config.properties, manifest.properties "
                    + "or history.csv): train it first, or give the folder of a run the train command or a notebook "
                    + "wrote");
        }
        Path config = folder.resolve("config.properties");
        Path manifestFile = folder.resolve("manifest.properties");
        Path historyFile = folder.resolve("history.csv");
        Map<String, String> settings = Files.isRegularFile(config) ? config(config) : new LinkedHashMap<>();
        Map<String, String> manifest = Files.isRegularFile(manifestFile)
                ? Manifest.read(manifestFile).entries() : Map.of();
        manifest.keySet().stream().sorted().filter(k -> !OUTCOMES.contains(k))
                .forEach(k -> settings.putIfAbsent(k, manifest.get(k)));
        LossHistory history = Files.isRegularFile(historyFile) ? LossHistory.read(historyFile) : new LossHistory();
        Map<String, Double> scores = Files.isRegularFile(folder.resolve("metrics.csv"))
                ? testScores(RunFolder.metrics(folder)) : Map.of();
        return new RunSnapshot(folder, Collections.unmodifiableMap(settings), history, scores,
                manifest.containsKey("finished"), Duration.between(lastWritten(folder), Instant.now()));
    }

    /** Whether a folder holds a run, begun or done: the trainer writes one of these files first. */
    static boolean holdsRun(Path folder) {
        return Stream.of("config.properties", "manifest.properties", "history.csv")
                .anyMatch(f -> Files.isRegularFile(folder.resolve(f)));
    }

    public int epochsDone() {
        return history.size();
    }

    /** The epochs the run was set to train at most. */
    public int maxEpochs() {
        String epochs = settings.get("epochs");
        return epochs == null ? epochsDone() : Integer.parseInt(epochs);
    }

    /** Not finished, and written recently enough that its process is most likely still at work. */
    public boolean training() {
        if (finished) return false;
        Duration quiet = history.size() == 0 ? FIRST_EPOCH_QUIET
                : Duration.ofSeconds(Math.round(2 * longestEpochSeconds()));
        if (quiet.compareTo(MIN_QUIET) < 0) quiet = MIN_QUIET;
        return sinceUpdate.compareTo(quiet) < 0;
    }

    /** "finished: 10 of 10 epochs", "training: 3 of 10 epochs done, updated 2 min ago", "unfinished: ...". */
    public String status() {
        String progress = epochsDone() + " of " + maxEpochs() + " epochs";
        if (finished) return "finished: " + progress + (epochsDone() < maxEpochs() ? ", stopped early" : "");
        return (training() ? "training: " : "unfinished: ") + progress + " done, updated " + ago(sinceUpdate);
    }

    /** The lowest validation figure so far; NaN before the first epoch. */
    public double bestValidation() {
        return history.size() == 0 ? Double.NaN : history.best().valLoss();
    }

    /** The epoch of {@link #bestValidation()}; 0 before the first epoch. */
    public int bestEpoch() {
        return history.size() == 0 ? 0 : history.best().epoch();
    }

    private double longestEpochSeconds() {
        return history.records().stream().mapToDouble(EpochRecord::seconds).max().orElse(0);
    }

    /** {@code key=value} lines in the order written, so that tables list settings as the run's config does. */
    private static Map<String, String> config(Path file) {
        Map<String, String> settings = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (line.isBlank() || line.startsWith("#") || eq < 0) continue;
                settings.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return settings;
    }

    /** The model's row on the test split, every figure but the image count, as {@code test_<figure>}. */
    private static Map<String, Double> testScores(Table metrics) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Row row : metrics) {
            boolean modelOnTest = row.getString("split").equals("test")
                    && row.getString("method").equals(ModelInpainter.NAME);
            if (!modelOnTest) continue;
            for (String column : metrics.columnNames()) {
                if (metrics.column(column) instanceof NumericColumn<?> numbers && !column.equals("images")) {
                    scores.put("test_" + column, numbers.getDouble(row.getRowNumber()));
                }
            }
        }
        return scores;
    }

    /** When anything in the folder or its checkpoint was last written. */
    private static Instant lastWritten(Path folder) {
        try (Stream<Path> top = Files.list(folder);
             Stream<Path> checkpoint = Files.isDirectory(folder.resolve("checkpoint"))
                     ? Files.list(folder.resolve("checkpoint")) : Stream.empty()) {
            return Stream.concat(top, checkpoint).filter(Files::isRegularFile).map(RunSnapshot::modified)
                    .max(Instant::compareTo).orElse(Instant.EPOCH);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    /** A temporary file the trainer renamed meanwhile counts as never written. */
    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (NoSuchFileException e) {
            return Instant.EPOCH;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the time of " + file + ": " + e.getMessage(), e);
        }
    }

    private static String ago(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 120) return s + " s ago";
        if (s < 2 * 3600) return s / 60 + " min ago";
        if (s < 2 * 86400) return s / 3600 + " h ago";
        return s / 86400 + " days ago";
    }
}
