package org.contextencoder.train;

import org.contextencoder.io.AtomicFiles;
import org.contextencoder.model.InpaintingModel;
import org.contextencoder.model.ModelFile;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * A run's state on disk, in the run's folder: {@code checkpoint/last.zip} (weights and optimizer state after the
 * last finished epoch), {@code history.csv}, {@code model.zip} (the best epoch, weights only) and {@code checkpoint/state.properties},
 * written last: it is the commit point, so a run killed at any moment resumes from the last complete epoch.
 */
final class Checkpoint {

    private final Path dir;

    Checkpoint(Path runDir) {
        this.dir = runDir;
    }

    Path bestModel() {
        return dir.resolve("model.zip");
    }

    Path history() {
        return dir.resolve("history.csv");
    }

    private Path last() {
        return dir.resolve("checkpoint").resolve("last.zip");
    }

    private Path state() {
        return dir.resolve("checkpoint").resolve("state.properties");
    }

    boolean exists() {
        return Files.isRegularFile(state());
    }

    /** Saves the epoch just finished; {@code improved} also replaces the best model. */
    void save(InpaintingModel model, LossHistory history, boolean improved, Map<String, String> settings) {
        ModelFile.save(model, last());
        if (improved) ModelFile.save(model, bestModel(), false);
        history.write(history());
        Properties p = new Properties();
        p.putAll(settings);
        p.setProperty("epochs_done", Integer.toString(history.size()));
        StringWriter text = new StringWriter();
        try {
            p.store(text, "training state: the run resumes after epoch " + history.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.write(state(), text.toString());
    }

    /** The settings the run was started with (everything but the epoch count must match to resume). */
    Properties settings() {
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(state())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + state(), e);
        }
        return p;
    }

    InpaintingModel lastModel() {
        return ModelFile.load(last());
    }

    /** The history up to the last committed epoch (a later, uncommitted epoch's lines are dropped). */
    LossHistory committedHistory() {
        int done = Integer.parseInt(settings().getProperty("epochs_done"));
        LossHistory all = LossHistory.read(history());
        LossHistory kept = new LossHistory();
        all.records().stream().limit(done).forEach(kept::add);
        return kept;
    }
}
