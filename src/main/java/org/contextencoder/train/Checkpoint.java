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
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A run's state on disk, in the run's folder. After each epoch N the weights and optimizer state go to a new
 * {@code checkpoint/epoch-N.zip}, an improved epoch's weights alone to {@code checkpoint/best-N.zip}, and the
 * history to {@code history.csv}, and each part of the training step's own state (if it has any) to a new
 * {@code checkpoint/NAME-N.state}; then {@code checkpoint/state.properties}, which names those files, replaces the
 * previous state in one atomic rename. That rename is the commit: a run killed at any moment resumes from the last
 * committed epoch. Only after it does {@code best-N.zip} become {@code model.zip} and the older files go;
 * {@link #recover} completes those steps, and removes what an uncommitted epoch or a killed write left, when the run
 * starts again.
 */
final class Checkpoint {

    /** Called before each step of {@link #save}; tests throw from it to kill a save at that step. */
    @FunctionalInterface
    interface Steps {
        Steps NONE = step -> {
        };

        void before(String step);
    }

    private static final String EPOCHS_DONE = "epochs_done";
    private static final String WEIGHTS = "weights";
    private static final String BEST = "best";
    /** Before the name of each part of the training step's state. */
    private static final String STEP_STATE = "step_state.";
    /** The state's own keys (and those starting with {@link #STEP_STATE}); all others are the run's settings. */
    private static final List<String> KEYS = List.of(EPOCHS_DONE, WEIGHTS, BEST);
    /** Where runs from before the weights files were named kept them. */
    private static final String LEGACY_WEIGHTS = "last.zip";
    /** What a part of a step's state may be called: its file name starts with it. */
    private static final Pattern STATE_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    /** The checkpoint files this class writes; others in the folder are left alone. */
    private static final Pattern OWN_FILE = Pattern.compile("(epoch|best)-\\d+\\.zip|" + STATE_NAME.pattern()
            + "-\\d+\\.state|" + Pattern.quote(LEGACY_WEIGHTS));
    /** The temporary files of writes that were killed before their rename (ModelFile's, AtomicFiles'). */
    private static final Pattern TEMPORARY = Pattern.compile("\\..*\\.part");

    private final Path dir;
    private final Steps steps;

    Checkpoint(Path runDir, Steps steps) {
        this.dir = runDir;
        this.steps = steps;
    }

    Path bestModel() {
        return dir.resolve("model.zip");
    }

    Path history() {
        return dir.resolve("history.csv");
    }

    private Path folder() {
        return dir.resolve("checkpoint");
    }

    private Path state() {
        return folder().resolve("state.properties");
    }

    boolean exists() {
        return Files.isRegularFile(state());
    }

    /**
     * Saves the epoch just finished with the training step's {@code stepState}; {@code improved} also makes
     * {@code scored}, the weights validation scored ({@code model}'s own or their average), the best model.
     */
    void save(InpaintingModel model, InpaintingModel scored, Map<String, StepState> stepState, LossHistory history,
              boolean improved, Map<String, String> settings) {
        int epoch = history.size();
        Properties p = new Properties();
        p.putAll(settings);
        p.setProperty(EPOCHS_DONE, Integer.toString(epoch));
        p.setProperty(WEIGHTS, "epoch-" + epoch + ".zip");
        steps.before("weights");
        ModelFile.save(model, folder().resolve(p.getProperty(WEIGHTS)));
        for (Map.Entry<String, StepState> part : stepState.entrySet()) {
            String file = stateFile(part.getKey(), epoch);
            p.setProperty(STEP_STATE + part.getKey(), file);
            steps.before("state " + part.getKey());
            part.getValue().save(folder().resolve(file));
        }
        if (improved) {
            p.setProperty(BEST, "best-" + epoch + ".zip");
            steps.before("best");
            ModelFile.save(scored, folder().resolve(p.getProperty(BEST)), false);
        }
        steps.before("history");
        history.write(history());
        steps.before("commit");
        StringWriter text = new StringWriter();
        try {
            p.store(text, "training state: the run resumes after epoch " + epoch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.write(state(), text.toString());
        tidy(steps);
    }

    /**
     * Makes the folder agree with the committed state after a run was killed: the committed best weights become
     * {@code model.zip} if they had not yet, and an uncommitted epoch's files and killed writes' temporary files go;
     * {@code history.csv} is cut back to the committed epochs.
     */
    void recover() {
        tidy(Steps.NONE);
        if (exists()) committedHistory().write(history());
    }

    /** The steps after a commit: publish the best model, then remove what the state no longer names. */
    private void tidy(Steps steps) {
        Properties state = exists() ? committed() : new Properties();
        String best = state.getProperty(BEST);
        if (best != null && Files.isRegularFile(folder().resolve(best))) {
            steps.before("publish");
            move(folder().resolve(best), bestModel());
        }
        steps.before("remove");
        Set<String> named = new HashSet<>(stepStateFiles(state).values());
        named.add(state.getProperty(WEIGHTS, LEGACY_WEIGHTS));
        remove(folder(), name -> OWN_FILE.matcher(name).matches() && !named.contains(name)
                || TEMPORARY.matcher(name).matches());
        remove(dir, name -> TEMPORARY.matcher(name).matches());
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not move " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    private static void remove(Path folder, Predicate<String> unwanted) {
        if (!Files.isDirectory(folder)) return;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> unwanted.test(f.getFileName().toString()))
                    .toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clean up " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The settings the run was started with (all must match to resume). */
    Map<String, String> settings() {
        Properties p = committed();
        return p.stringPropertyNames().stream().filter(k -> !KEYS.contains(k) && !k.startsWith(STEP_STATE))
                .collect(Collectors.toMap(k -> k, p::getProperty));
    }

    /** A new file for a part of a step's state after {@code epoch}; a name that could not be one is refused. */
    private static String stateFile(String name, int epoch) {
        if (!STATE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a part of a training step's state is named in lower-case letters,"
                    + " digits and underscores, not '" + name + "'");
        }
        return name + "-" + epoch + ".state";
    }

    /** The files of the step's state that {@code state} commits, by the part's name. */
    private static Map<String, String> stepStateFiles(Properties state) {
        Map<String, String> files = new TreeMap<>();
        for (String key : state.stringPropertyNames()) {
            if (key.startsWith(STEP_STATE)) files.put(key.substring(STEP_STATE.length()), state.getProperty(key));
        }
        return files;
    }

    /**
     * Restores the training step's state as the last committed epoch left it. A run whose checkpoint holds other
     * parts than the step has was trained by another step, and is refused.
     */
    void restore(Map<String, StepState> stepState) {
        Map<String, String> files = stepStateFiles(committed());
        if (!files.keySet().equals(new TreeSet<>(stepState.keySet()))) {
            throw new IllegalArgumentException(dir + " holds a run whose training step kept "
                    + (files.isEmpty() ? "no state of its own" : "the state " + String.join(", ", files.keySet()))
                    + ", and this step keeps " + (stepState.isEmpty() ? "none"
                    : String.join(", ", new TreeSet<>(stepState.keySet())))
                    + ": resume it with the step it was trained with, or choose another output folder");
        }
        stepState.forEach((name, part) -> part.restore(folder().resolve(files.get(name))));
    }

    private Properties committed() {
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(state())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + state(), e);
        }
        return p;
    }

    /** The model, with its optimizer state, after the last committed epoch. */
    InpaintingModel lastModel() {
        return ModelFile.load(folder().resolve(committed().getProperty(WEIGHTS, LEGACY_WEIGHTS)));
    }

    /** The history up to the last committed epoch (a later, uncommitted epoch's lines are dropped). */
    LossHistory committedHistory() {
        int done = Integer.parseInt(committed().getProperty(EPOCHS_DONE));
        LossHistory all = LossHistory.read(history());
        LossHistory kept = new LossHistory();
        all.records().stream().limit(done).forEach(kept::add);
        return kept;
    }
}
