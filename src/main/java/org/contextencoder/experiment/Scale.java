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
 * {@code MAX_EPOCH}, {@code DATASET_LIMIT} (training images), {@code TEST_LIMIT} and {@code SWEEP_LIMIT}
 * override single values.
 */
public record Scale(String name, int maxEpochs, int patience, int trainLimit, int testLimit, int sweepTrainLimit,
                    int sweepTestLimit, int sweepEpochs, Path runs, Path figures) {

    /** Training images of the sweep at full scale: enough for a stable ranking, see the sweep notebook. */
    public static final int FULL_SWEEP_TRAIN = 5_000;
    public static final int FULL_SWEEP_TEST = 1_000;

    public static Scale current() {
        return from(System.getenv(), Path.of(""));
    }

    static Scale from(Map<String, String> env, Path workingDir) {
        String name = knob(env, "WORKBENCH_SCALE", "full").toLowerCase(Locale.ROOT);
        Path root = projectRoot(workingDir.toAbsolutePath());
        Scale base = switch (name) {
            case "small" -> new Scale(name, 1, 0, 256, 64, 128, 64, 1,
                    root.resolve("target").resolve("runs"), root.resolve("target").resolve("figures"));
            case "full" -> new Scale(name, 60, 4, 0, 0, FULL_SWEEP_TRAIN, FULL_SWEEP_TEST, 10,
                    root.resolve("runs"), root.resolve("figures"));
            default -> throw new IllegalArgumentException("WORKBENCH_SCALE must be small or full, not '" + name + "'");
        };
        return new Scale(name,
                intKnob(env, "MAX_EPOCH", base.maxEpochs), base.patience,
                intKnob(env, "DATASET_LIMIT", base.trainLimit), intKnob(env, "TEST_LIMIT", base.testLimit),
                intKnob(env, "SWEEP_LIMIT", base.sweepTrainLimit), base.sweepTestLimit,
                intKnob(env, "SWEEP_EPOCHS", base.sweepEpochs),
                Path.of(knob(env, "WORKBENCH_RUNS", base.runs.toString())),
                Path.of(knob(env, "WORKBENCH_FIGURES", base.figures.toString())));
    }

    public boolean isFull() {
        return name.equals("full");
    }

    /** An experiment's run at this scale, with the paper's defaults otherwise. */
    public RunSpec spec(Experiment experiment, Path dataRoot) {
        RunSpec spec = RunSpec.of(experiment, maxEpochs, dataRoot).withLimits(trainLimit, testLimit);
        return spec.withTraining(spec.training().withPatience(patience));
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
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + v + "'");
        }
    }
}
