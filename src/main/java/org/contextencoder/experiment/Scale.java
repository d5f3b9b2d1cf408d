package org.contextencoder.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * How big the notebooks' runs are, from the environment (or system properties of the same names), in the style
 * of d2l-java's knobs. {@code WORKBENCH_SCALE=small} is what CI runs: one epoch on a few hundred images, outputs
 * under {@code target/}. {@code full} (the default) is the paper's setting: all images, trained until the
 * validation loss stops improving, outputs in {@code runs/} and {@code figures/}.
 * {@code MAX_EPOCH}, {@code DATASET_LIMIT} (training images), {@code TEST_LIMIT}, {@code PHOTO_LIMIT},
 * {@code PHOTO_TEST_LIMIT}, {@code SWEEP_LIMIT}, {@code SWEEP_EPOCHS}, {@code WORKBENCH_RUNS} and
 * {@code WORKBENCH_FIGURES} override single values.
 */
public record Scale(String name, int maxEpochs, int patience, int trainLimit, int testLimit, int photoTrainLimit,
                    int photoTestLimit, int sweepTrainLimit, int sweepTestLimit, int sweepEpochs, Path runs,
                    Path figures) {

    /**
     * At full scale the learning rate halves after {@value #FULL_LR_PATIENCE} epochs without a better validation
     * loss, and a run stops after {@value #FULL_PATIENCE}: room for two halvings to pay off.
     */
    public static final int FULL_PATIENCE = 6;
    public static final int FULL_LR_PATIENCE = 2;

    /** Training images of the sweep at full scale: enough for a stable ranking, see the sweep notebook. */
    public static final int FULL_SWEEP_TRAIN = 5_000;
    public static final int FULL_SWEEP_TEST = 1_000;
    /**
     * At full scale a 128 px run stops after at most 12 epochs: notebook 03's two runs then take about 1.7 hours at
     * 4 minutes an epoch, within the 3-hour session that starts them (a run cannot outlive it). On the slowest 2-core
     * machine met an epoch took 9.5 minutes; there {@code MAX_EPOCH=5} keeps within the session. Trained until they
     * stopped improving, the first two such runs kept epochs 16 and 15: the budget costs some accuracy.
     */
    public static final int FULL_PHOTO_EPOCHS = 12;
    /**
     * On a CPU the 128 px U-Net takes about 40 times as long per image as the 32 px model, so at the small scale
     * the landmark runs get one batch of photos, not the CIFAR runs' 256 images: enough to exercise every step.
     */
    static final int SMALL_PHOTO_TRAIN = 16;
    static final int SMALL_PHOTO_TEST = 8;

    public static Scale current() {
        return from(System.getenv(), Path.of(""));
    }

    static Scale from(Map<String, String> env, Path workingDir) {
        String name = knob(env, "WORKBENCH_SCALE", "full").toLowerCase(Locale.ROOT);
        Path root = projectRoot(workingDir.toAbsolutePath());
        boolean small = switch (name) {
            case "small" -> true;
            case "full" -> false;
            default -> throw new IllegalArgumentException("WORKBENCH_SCALE must be small or full, not '" + name + "'");
        };
        int trainLimit = intKnob(env, "DATASET_LIMIT", small ? 256 : 0);
        int testLimit = intKnob(env, "TEST_LIMIT", small ? 64 : 0);
        Path out = small ? root.resolve("target") : root;
        return new Scale(name,
                intKnob(env, "MAX_EPOCH", small ? 1 : 60), small ? 0 : FULL_PATIENCE,
                trainLimit, testLimit,
                // At full scale the photos follow DATASET_LIMIT / TEST_LIMIT like every other set.
                intKnob(env, "PHOTO_LIMIT", small ? SMALL_PHOTO_TRAIN : trainLimit),
                intKnob(env, "PHOTO_TEST_LIMIT", small ? SMALL_PHOTO_TEST : testLimit),
                intKnob(env, "SWEEP_LIMIT", small ? 32 : FULL_SWEEP_TRAIN), small ? 16 : FULL_SWEEP_TEST,
                intKnob(env, "SWEEP_EPOCHS", small ? 1 : 10),
                Path.of(knob(env, "WORKBENCH_RUNS", out.resolve("runs").toString())),
                Path.of(knob(env, "WORKBENCH_FIGURES", out.resolve("figures").toString())));
    }

    public boolean isFull() {
        return name.equals("full");
    }

    /**
     * An experiment's run at this scale, with the paper's defaults otherwise, as the notebooks train it: validated on
     * a split held out of the training images ({@link ValidationSplit#HOLDOUT}), so that the test split chooses
     * nothing. Results made before this protocol used the test split ({@code withValidation(ValidationSplit.TEST)}
     * resumes their run folders).
     */
    public RunSpec spec(Experiment experiment, Path dataRoot) {
        int epochs = experiment.usesPhotos() && isFull() ? Math.min(maxEpochs, FULL_PHOTO_EPOCHS) : maxEpochs;
        RunSpec spec = RunSpec.of(experiment, epochs, dataRoot);
        spec = experiment.usesPhotos() ? spec.withLimits(photoTrainLimit, photoTestLimit) : spec.withLimits(trainLimit, testLimit);
        return spec.withTraining(spec.training().withPatience(patience)
                .withLrPatience(patience > 0 ? FULL_LR_PATIENCE : 0));
    }

    /**
     * The optimizer sweep's base run (section 3.4): the sweep's image subset, a fixed number of epochs and no
     * early stopping, so every optimizer and learning rate gets the same budget; validated, like {@link #spec}, on a
     * split held out of the training images.
     */
    public RunSpec sweepSpec(Experiment experiment, Path dataRoot) {
        return RunSpec.of(experiment, sweepEpochs, dataRoot).withLimits(sweepTrainLimit, sweepTestLimit);
    }

    /** Where an experiment's run lives at this scale. */
    public Path runFolder(String name) {
        return runs.resolve(name);
    }

    /** The folder holding {@code pom.xml}: the working directory or the nearest parent with one. */
    static Path projectRoot(Path from) {
        for (Path p = from; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml"))) return p;
        }
        return from;
    }

    private static String knob(Map<String, String> env, String name, String fallback) {
        String v = System.getProperty(name, env.get(name));
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static int intKnob(Map<String, String> env, String name, int fallback) {
        String v = knob(env, name, Integer.toString(fallback));
        try {
            int n = Integer.parseInt(v);
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of at least 0, not '" + v + "'");
        }
    }
}
