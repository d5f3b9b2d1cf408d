package org.contextencoder.experiment;

import org.contextencoder.train.EpochRecord;
import org.contextencoder.train.LossHistory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Run folders written as the trainer leaves them (config, manifest, history, checkpoint state, and metrics once
 * scored), finished or caught mid-run, for tests that read runs back.
 */
final class RunFolders {

    private final Path folder;
    private final Map<String, String> config = new LinkedHashMap<>();
    private double[] validation = {};
    private boolean finished;
    private String metrics;

    private RunFolders(Path folder) {
        this.folder = folder;
        config.put("experiment", "general");
        config.put("architecture", "ce32");
        config.put("hole", "16");
        config.put("epochs", "10");
        config.put("optimizer", "adam");
        config.put("learning_rate", "0.001");
        config.put("seed", "42");
    }

    static RunFolders run(Path folder) {
        return new RunFolders(folder);
    }

    RunFolders set(String key, String value) {
        config.put(key, value);
        return this;
    }

    /** The validation loss of each epoch done; training loss is 1.1 times it. */
    RunFolders epochs(double... val) {
        validation = val;
        return this;
    }

    RunFolders finished() {
        finished = true;
        return this;
    }

    /** A scored run: its {@code metrics.csv} as given. */
    RunFolders metrics(String csv) {
        metrics = csv;
        finished = true;
        return this;
    }

    Path write() {
        try {
            Files.createDirectories(folder.resolve("checkpoint"));
            StringBuilder text = new StringBuilder("# the resolved settings of this run\n");
            config.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            Files.writeString(folder.resolve("config.properties"), text);
            Manifest manifest = new Manifest().putAll(config).put("created", Instant.now())
                    .put("git_commit", "377a3ffad0f7db5ac48e22a30117d47f9d759a2a")
                    .put("data_sha256", "65d05a6ea6b41f15ebe3785bd4a28518ae12fdf0bbf900aa086df8bfd74a483a");
            if (finished) manifest.put("finished", Instant.now()).put("epochs_run", validation.length);
            manifest.write(folder.resolve("manifest.properties"));
            if (validation.length > 0) {
                LossHistory history = new LossHistory();
                for (int i = 0; i < validation.length; i++) {
                    history.add(new EpochRecord(i + 1, 1.1 * validation[i], validation[i], 60));
                }
                history.write(folder.resolve("history.csv"));
                Files.writeString(folder.resolve("checkpoint").resolve("state.properties"),
                        "epochs_done=" + validation.length + "\n");
            }
            if (metrics != null) Files.writeString(folder.resolve("metrics.csv"), metrics);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets every file of a run as last written that long ago, as a run stopped then would have left it. */
    static void writtenAgo(Path folder, Duration ago) {
        FileTime then = FileTime.from(Instant.now().minus(ago));
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) Files.setLastModifiedTime(f, then);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
