package org.contextencoder.experiment;

import org.contextencoder.data.ImageSet;
import org.contextencoder.eval.Baseline;
import org.contextencoder.eval.Inpainter;
import org.contextencoder.eval.ModelInpainter;
import org.contextencoder.train.Optimizer;
import org.contextencoder.train.ProgressListener;
import org.contextencoder.train.TrainingLoss;
import org.contextencoder.viz.InpaintingGrid;
import org.contextencoder.viz.MetricFormats;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The paper's open question (sections 4.1-4.2, notebook 08): what an adversarial term buys in sharpness and what it
 * costs in masked MSE. Each setting's L2 model (the paper's, trained here on a fixed budget) is fine-tuned with
 * Pathak et al.'s joint loss (patch discriminator, w = 0.001) and, as the same-budget control, with the same step at
 * w = 0: the control takes the same epochs, rate, optimizer and images, so what it changes is what more training
 * does, and what the joint model changes beyond it is the adversarial term's. A sweep of the weight on a fixed subset
 * ({@link WeightSweep}) shows the trade-off. The budgets follow the scale: the full one below, the scale's own epochs
 * and sweep sizes at the small scale.
 */
public record AdversarialStudy(Scale scale, Path dataRoot, Map<Experiment, Integer> baseEpochs, int fineTuneEpochs,
                               int sweepTrainLimit, int sweepValidationLimit, int sweepEpochs) {

    /**
     * The fine-tuning rate. A new Adam takes steps of about its full rate on every weight from the first batch (its
     * moment estimates start at zero), and 1e-3, the rate the L2 models started from, throws a trained model off the
     * minimum it settled in after its plateaus halved the rate; a fifth of it moves the model without undoing it.
     */
    public static final double FINE_TUNE_RATE = 2e-4;
    /**
     * Epochs of each setting's L2 model at full scale: a fixed budget (kept at its best validation epoch), not
     * notebooks 01 and 03's runs to convergence, so that the whole study fits the 3-hour session that starts it (a run
     * cannot outlive its session there) on the slowest machine it met: about 2.5 hours there (an epoch of CIFAR-10 in
     * 9 min, of the landmark photos in 9.5 min), 1.5 hours on the faster ones.
     */
    public static final Map<Experiment, Integer> FULL_BASE_EPOCHS = Map.of(Experiment.GENERAL, 4, Experiment.LANDMARK, 4);
    /**
     * Epochs of every fine-tune at full scale: a fixed budget, no early stop. One epoch is 700 generator steps on
     * CIFAR-10 and 135 on the landmark photos.
     */
    public static final int FULL_FINE_TUNE_EPOCHS = 1;
    /** The weights swept: the control (0), and a decade either side of Pathak et al.'s 0.001. */
    public static final List<Double> WEIGHTS = List.of(0.0, 1e-4, 1e-3, 1e-2);
    /** At the small scale, the control and Pathak et al.'s weight: every step of the sweep, in CI's budget. */
    static final List<Double> SMALL_WEIGHTS = List.of(0.0, 1e-3);
    /** The sweep at full scale: the first 10,000 of the general setting's training images, 1 epoch per weight. */
    public static final int FULL_SWEEP_TRAIN = 10_000;
    public static final int FULL_SWEEP_EPOCHS = 1;
    /** The targets for the joint model against the L2 one: this much the detail ratio, at most this MSE. */
    public static final double DETAIL_GAIN_TARGET = 1.5;
    public static final double MSE_INCREASE_TARGET = 0.05;
    /**
     * How wide a grid shows each image, close up: all of a 32 px image at 8x, the 64 px around a landmark photo's
     * 32 px hole at 4x, so that a fill's detail shows.
     */
    public static final int GRID_PIXELS = 256;
    /** The w = 0 fine-tune's name in the targets. */
    static final String CONTROL = "w=0 control";
    static final List<String> METRICS = List.of("masked_mse", "psnr", "masked_l1", "ssim", "detail_ratio");

    public static AdversarialStudy of(Scale scale, Path dataRoot) {
        return scale.isFull()
                ? new AdversarialStudy(scale, dataRoot, FULL_BASE_EPOCHS, FULL_FINE_TUNE_EPOCHS, FULL_SWEEP_TRAIN,
                Scale.FULL_SWEEP_TEST, FULL_SWEEP_EPOCHS)
                : new AdversarialStudy(scale, dataRoot, Map.of(Experiment.GENERAL, scale.maxEpochs(),
                Experiment.LANDMARK, scale.maxEpochs()), scale.maxEpochs(), scale.sweepTrainLimit(),
                scale.sweepTestLimit(), scale.sweepEpochs());
    }

    /** The budgets in words, as a notebook states them before it trains. */
    public String budgets() {
        return String.format(Locale.ROOT, "L2 models: %s on CIFAR-10, %s on the landmark photos; fine-tunes: %s at"
                        + " learning rate %s; weight sweep: w = %s, %s each on %,d training images, scored on %,d"
                        + " validation images", epochs(baseEpochs.get(Experiment.GENERAL)),
                epochs(baseEpochs.get(Experiment.LANDMARK)), epochs(fineTuneEpochs),
                Sweep.plain(FINE_TUNE_RATE), weights().stream().map(Sweep::plain).collect(Collectors.joining(", ")),
                epochs(sweepEpochs), sweepTrainLimit, sweepValidationLimit);
    }

    private static String epochs(int n) {
        return n + (n == 1 ? " epoch" : " epochs");
    }

    /** One setting's three models: the L2 one, the joint one fine-tuned from it, and the same fine-tune at w = 0. */
    public record Setting(String name, TrainedRun l2, TrainedRun joint, TrainedRun control) {

        public List<Path> folders() {
            return List.of(l2.folder(), joint.folder(), control.folder());
        }

        /** The two fine-tunes' validation curves and their differing settings and test figures side by side. */
        public RunComparison fineTuning() {
            return RunComparison.of(joint.folder(), control.folder())
                    .titled(name + ": validation masked MSE per fine-tuning epoch");
        }

        /**
         * The first {@code n} test images close up ({@link InpaintingGrid#aroundHoles}, each at most
         * {@link AdversarialStudy#GRID_PIXELS} px wide): original, masked, the L2 model's fill, the joint model's and
         * harmonic fill.
         */
        public BufferedImage grid(int n) {
            ImageSet test = l2.data().test();
            List<Inpainter> fills = List.of(new ModelInpainter(l2.model(), "L2"),
                    new ModelInpainter(joint.model(), "joint"), Baseline.harmonic());
            return InpaintingGrid.aroundHoles(test, InpaintingGrid.first(test, n), l2.model().mask(), fills,
                    GRID_PIXELS);
        }
    }

    /**
     * An experiment's L2 run: the paper's model as notebooks 01 and 03 train it, for this study's
     * {@link #baseEpochs}; it lives in {@code <experiment>-l2}.
     */
    public RunSpec l2Spec(Experiment experiment) {
        RunSpec spec = scale.spec(experiment, dataRoot);
        Integer epochs = baseEpochs.get(experiment);
        if (epochs == null) {
            throw new IllegalArgumentException("the adversarial study has no budget for the " + experiment.id()
                    + " experiment: study one of " + baseEpochs.keySet());
        }
        return spec.withTraining(spec.training().withEpochs(epochs));
    }

    private Path l2Folder(Experiment experiment) {
        return scale.runFolder(experiment.id() + "-l2");
    }

    /**
     * An L2 run's finished model trained on for {@code epochs} (no early stop: every fine-tune gets the same budget)
     * at {@link #FINE_TUNE_RATE}, from the model in {@code l2Folder}; give it its loss with
     * {@link RunSpec#withJointLoss}.
     */
    public static RunSpec fineTune(RunSpec l2, Path l2Folder, int epochs) {
        return l2.withTraining(l2.training().withEpochs(epochs).withPatience(0).withLrPatience(0)
                .withOptimizer(Optimizer.ADAM, FINE_TUNE_RATE)).withInitFrom(RunFolder.modelFile(l2Folder));
    }

    /**
     * Trains (or reuses) an experiment's L2 run in {@code <experiment>-l2}, then its joint fine-tune in
     * {@code <experiment>-joint} and the control in {@code <experiment>-joint-w0}.
     */
    public Setting train(Experiment experiment, ProgressListener progress) {
        RunSpec spec = l2Spec(experiment);
        TrainedRun l2 = RunPipeline.train(spec, l2Folder(experiment), progress);
        RunSpec fineTune = fineTune(spec, l2.folder(), fineTuneEpochs);
        TrainedRun joint = RunPipeline.train(fineTune.withJointLoss(TrainingLoss.PATHAK_WEIGHT),
                scale.runFolder(experiment.id() + "-joint"), progress);
        TrainedRun control = RunPipeline.train(fineTune.withJointLoss(0), scale.runFolder(experiment.id() + "-joint-w0"),
                progress);
        return new Setting(spec.setting(), l2, joint, control);
    }

    /**
     * The weight sweep in {@code adversarial-sweep}: the general setting's L2 model (its run must be finished, as
     * {@link #train} leaves it)
     * fine-tuned at every one of {@link #weights()} on the sweep's subset, scored on its validation images.
     */
    public WeightSweep.Result sweep(ProgressListener progress) {
        RunSpec subset = l2Spec(Experiment.GENERAL).withLimits(sweepTrainLimit, sweepValidationLimit);
        RunSpec base = fineTune(subset, l2Folder(Experiment.GENERAL), sweepEpochs);
        return WeightSweep.run(base, weights(), scale.runFolder("adversarial-sweep"), progress);
    }

    /** The weights swept at this scale: {@link #WEIGHTS} at full scale. */
    public List<Double> weights() {
        return scale.isFull() ? WEIGHTS : SMALL_WEIGHTS;
    }

    /** Every run behind the settings' figures, for their manifest. */
    public static List<Path> folders(Setting... settings) {
        return Arrays.stream(settings).flatMap(s -> s.folders().stream()).toList();
    }

    /**
     * The test-split figures of every setting's models, one row each, with harmonic fill's (loss {@code harmonic},
     * no weight): columns {@code setting, loss, adv_weight, split} and {@link #METRICS}, read from each run's scores.
     */
    public static Table metrics(Setting... settings) {
        Table t = Table.create("L2 and joint loss, test images", StringColumn.create("setting"),
                StringColumn.create("loss"), DoubleColumn.create("adv_weight"), StringColumn.create("split"));
        for (String metric : METRICS) t.addColumns(DoubleColumn.create(metric));
        MetricFormats.applyTo(t);
        for (Setting s : settings) {
            append(t, s.name(), TrainingLoss.Kind.L2.id(), 0, s.l2(), ModelInpainter.NAME);
            append(t, s.name(), TrainingLoss.Kind.JOINT.id(), weight(s.joint()), s.joint(), ModelInpainter.NAME);
            append(t, s.name(), TrainingLoss.Kind.JOINT.id(), weight(s.control()), s.control(), ModelInpainter.NAME);
            append(t, s.name(), Table1.BASELINE, Double.NaN, s.l2(), Table1.BASELINE);
        }
        return t;
    }

    /**
     * The targets, per setting, from a {@link #metrics} table: the joint model's (loss {@code joint}, a
     * weight above 0) detail ratio over the L2 model's (at least {@link #DETAIL_GAIN_TARGET}) and its masked MSE over
     * the L2 model's less one (at most {@link #MSE_INCREASE_TARGET}); then the same against the w = 0 control, the
     * same budget without the adversarial term.
     */
    public static Table targets(Table metrics) {
        DecimalFormatSymbols root = DecimalFormatSymbols.getInstance(Locale.ROOT);
        DoubleColumn gain = DoubleColumn.create("detail_ratio_gain");
        gain.setPrintFormatter(new DecimalFormat("0.00", root), "");
        DoubleColumn change = DoubleColumn.create("masked_mse_change");
        change.setPrintFormatter(new DecimalFormat("+0.0%;-0.0%", root), "");
        Table t = Table.create("joint model against the others, test images", StringColumn.create("setting"),
                StringColumn.create("against"), gain, change, StringColumn.create("meets_targets"));
        Set<String> settings = new LinkedHashSet<>(metrics.stringColumn("setting").asList());
        for (String setting : settings) {
            Optional<Row> joint = row(metrics, setting, TrainingLoss.Kind.JOINT.id(), true);
            if (joint.isEmpty()) continue;
            List<Optional<Row>> references = List.of(row(metrics, setting, TrainingLoss.Kind.L2.id(), false),
                    row(metrics, setting, TrainingLoss.Kind.JOINT.id(), false));
            List<String> names = List.of(TrainingLoss.Kind.L2.id(), CONTROL);
            for (int i = 0; i < references.size(); i++) {
                if (references.get(i).isEmpty()) continue;
                Row reference = references.get(i).get();
                double g = joint.get().getDouble("detail_ratio") / reference.getDouble("detail_ratio");
                double c = joint.get().getDouble("masked_mse") / reference.getDouble("masked_mse") - 1;
                t.stringColumn("setting").append(setting);
                t.stringColumn("against").append(names.get(i));
                gain.append(g);
                change.append(c);
                t.stringColumn("meets_targets").append(g >= DETAIL_GAIN_TARGET && c <= MSE_INCREASE_TARGET ? "yes" : "no");
            }
        }
        return t;
    }

    /** A setting's row of a loss, with an adversarial weight above 0 or not. */
    private static Optional<Row> row(Table metrics, String setting, String loss, boolean adversarial) {
        for (Row r : metrics) {
            if (r.getString("setting").equals(setting) && r.getString("loss").equals(loss)
                    && r.getDouble("adv_weight") > 0 == adversarial) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The adversarial weight a run trained with, as its manifest records it. */
    private static double weight(TrainedRun run) {
        return Double.parseDouble(RunFolder.manifest(run.folder()).entries().getOrDefault("adv_weight", "0"));
    }

    /** A method's test-split row of a run's scores (every run scores the test split), under a loss and weight. */
    private static void append(Table t, String setting, String loss, double weight, TrainedRun run, String method) {
        Table scores = run.metrics().table();
        Table found = scores.where(scores.stringColumn("split").isEqualTo("test")
                .and(scores.stringColumn("method").isEqualTo(method)));
        t.stringColumn("setting").append(setting);
        t.stringColumn("loss").append(loss);
        t.doubleColumn("adv_weight").append(weight);
        t.stringColumn("split").append("test");
        for (String metric : METRICS) t.doubleColumn(metric).append(found.numberColumn(metric).getDouble(0));
    }
}
