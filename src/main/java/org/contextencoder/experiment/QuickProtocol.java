package org.contextencoder.experiment;

import org.contextencoder.data.Cifar10;
import org.contextencoder.data.Holdout;
import org.contextencoder.eval.Baseline;
import org.contextencoder.eval.InferenceOptions;
import org.contextencoder.eval.Inpainter;
import org.contextencoder.eval.ModelInpainter;
import org.contextencoder.model.Architecture;
import org.contextencoder.model.InpaintingModel;
import org.contextencoder.train.LossHistory;
import org.contextencoder.train.ProgressListener;
import org.contextencoder.train.Recipe;
import org.contextencoder.viz.MetricFormats;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.contextencoder.eval.InferenceOptions.BOTH;
import static org.contextencoder.eval.InferenceOptions.FLIP;
import static org.contextencoder.eval.InferenceOptions.POISSON;

/**
 * Candidates for a better 32 px model, compared on one fixed, quick budget before any is trained at full scale: the
 * general experiment on the first {@value #FULL_TRAIN} training images for {@value #FULL_EPOCHS} epochs, no early
 * stop and no learning-rate halving, seed {@value #SEED}. Each of {@link #SINGLE_CHANGES} changes one thing of the
 * paper's model (its network, a training choice, or how its trained model fills a hole); {@link #COMBINATIONS} put
 * together the changes that paid on their own. Every candidate is judged on images that chose
 * nothing else: CIFAR-10's held-out validation images (where choices are made) and, for generalisation, the landmark
 * experiment's held-out validation photos at 32 px, which no candidate trains on. The test split and the unseen
 * photos are scored once, on the winners ({@link Generalisation}).
 * Every trained candidate has its own folder under {@code 07-quick}, named as the command line's runs of the same
 * settings ({@code ce32-seed1}), so a finished run is reused and an interrupted one resumes.
 */
public final class QuickProtocol {

    public static final int FULL_TRAIN = 10_000;
    public static final int FULL_EPOCHS = 8;
    public static final long SEED = 1;
    /** The folder under the scale's runs that holds every candidate's run. */
    public static final String FOLDER = "07-quick";

    /**
     * One candidate: its name in tables, what it changes, the trained run it uses (candidates that differ only at
     * inference share one) and the inference options its model fills holes with.
     */
    public record Candidate(String name, String what, String run, UnaryOperator<RunSpec> change,
                            InferenceOptions options) {

        static Candidate trained(String name, String what, UnaryOperator<RunSpec> change) {
            return new Candidate(name, what, name, change, InferenceOptions.NONE);
        }

        /** The paper's model as trained by the protocol, filling holes with {@code options}. */
        static Candidate atInference(String name, String what, InferenceOptions options) {
            return new Candidate(name, what, PAPER, UnaryOperator.identity(), options);
        }
    }

    private static final String PAPER = "ce32";
    /** The weight average's decay, in the single change and in the combinations. */
    static final double EMA_DECAY = 0.999;

    /** The candidates that change one thing of the paper's model, the paper's model first. */
    public static final List<Candidate> SINGLE_CHANGES = List.of(
            Candidate.trained(PAPER, "the paper's model, as notebook 01 trains it", UnaryOperator.identity()),
            Candidate.trained("unet32", "skip connections cropped to the hole, harmonic start (notebook 07)",
                    s -> s.withArchitecture(Architecture.UNET32)),
            Candidate.trained("dilated32", "no dense bottleneck: dilated convolutions at 8x8, skips to the hole",
                    QuickProtocol::dilated),
            Candidate.trained("ce32-random-holes", "a hole at a random place in every image and epoch",
                    s -> s.withRecipe(s.training().recipe().withHoles(Recipe.Holes.RANDOM))),
            Candidate.trained("ce32-scene-crops", "half the images replaced by crops of the landmark training photos",
                    QuickProtocol::sceneCrops),
            Candidate.trained("ce32-cosine", "learning-rate warm-up and cosine decay", QuickProtocol::cosine),
            Candidate.trained("ce32-ema", "validated and kept as an average of the weights (decay 0.999)",
                    QuickProtocol::ema),
            Candidate.atInference("ce32+flip", "the paper's model, its fill averaged with its mirror image's", FLIP),
            Candidate.atInference("ce32+poisson", "the paper's model, composited by its gradients (no seams)",
                    POISSON),
            Candidate.atInference("ce32+flip+poisson", "both", BOTH));

    private static final String BEST = "dilated32-ema-cosine";
    private static final String BEST_WITH_CROPS = BEST + "-scene-crops";

    /**
     * The single changes that paid on their own, together: the network, the schedule and the weight average; then
     * with the scene crops as well (they pay on photos and cost on CIFAR-10); each also with both inference options.
     */
    public static final List<Candidate> COMBINATIONS = List.of(
            Candidate.trained(BEST, "dilated32, cosine decay and the weights' average together", QuickProtocol::best),
            new Candidate(BEST + "+flip", "that model with flip averaging", BEST, QuickProtocol::best, FLIP),
            new Candidate(BEST + "+poisson", "that model with Poisson compositing", BEST, QuickProtocol::best, POISSON),
            new Candidate(BEST + "+flip+poisson", "that model with both inference options", BEST, QuickProtocol::best,
                    BOTH),
            Candidate.trained(BEST_WITH_CROPS, "the same with half the images crops of the landmark training photos",
                    s -> sceneCrops(best(s))),
            new Candidate(BEST_WITH_CROPS + "+flip", "that model with flip averaging", BEST_WITH_CROPS,
                    s -> sceneCrops(best(s)), FLIP),
            new Candidate(BEST_WITH_CROPS + "+flip+poisson", "that model with both inference options", BEST_WITH_CROPS,
                    s -> sceneCrops(best(s)), BOTH));

    /** Every candidate: the single changes, then their combinations. */
    public static final List<Candidate> CANDIDATES = Stream.concat(SINGLE_CHANGES.stream(), COMBINATIONS.stream())
            .toList();

    static RunSpec dilated(RunSpec s) {
        return s.withArchitecture(Architecture.DILATED32);
    }

    static RunSpec cosine(RunSpec s) {
        return s.withRecipe(s.training().recipe().withSchedule(Recipe.Schedule.COSINE));
    }

    static RunSpec ema(RunSpec s) {
        return s.withRecipe(s.training().recipe().withEma(EMA_DECAY));
    }

    /** Half the images replaced by crops of the landmark training photos: as many images per epoch as before. */
    static RunSpec sceneCrops(RunSpec s) {
        return s.withLimits(s.trainLimit() / 2, s.testLimit())
                .withRecipe(s.training().recipe().withSceneCrops(s.trainLimit() / 2));
    }

    /** How the best 32 px model trains: {@link #dilated}, {@link #cosine} and {@link #ema} together. */
    public static RunSpec best(RunSpec s) {
        return ema(cosine(dilated(s)));
    }

    /**
     * Epochs of the winner's full-scale runs. Its learning rate decays along a cosine to the run's last epoch, so the
     * budget is fixed in advance (no early stop, no halving; the best validation epoch is kept): 5 epochs of all of
     * CIFAR-10 (about 40 min on two CPU cores) and 30 of the trucks, a tenth of the images (about 25 min), so that
     * notebook 09's three runs (the photo model's as long as the winner's on all classes) fit one 3-hour session of
     * the machine it runs on.
     */
    static final Map<Experiment, Integer> FULL_WINNER_EPOCHS = Map.of(Experiment.GENERAL, 5, Experiment.TRUCK, 30);
    /**
     * How the winner fills holes: flip averaging paid on both validation sets (-1.3% on CIFAR-10, +1.6 points of gain
     * on the photos). Poisson compositing, which paid on the paper's model, costs the winner 4% on CIFAR-10: its skips
     * already carry the border into the hole.
     */
    public static final InferenceOptions WINNER_OPTIONS = FLIP;

    private final Scale scale;
    private final Path dataRoot;

    public QuickProtocol(Scale scale, Path dataRoot) {
        this.scale = scale;
        this.dataRoot = dataRoot;
    }

    /** The paper's model on the protocol's budget: at the small scale, the scale's images and epochs. */
    public RunSpec base() {
        RunSpec spec = RunSpec.of(Experiment.GENERAL, scale.isFull() ? FULL_EPOCHS : scale.maxEpochs(), dataRoot)
                .withLimits(scale.isFull() ? FULL_TRAIN : scale.trainLimit(), scale.testLimit());
        return spec.withTraining(spec.training().withSeed(SEED).withPatience(0).withLrPatience(0));
    }

    public RunSpec spec(Candidate candidate) {
        return candidate.change().apply(base());
    }

    /**
     * The winner of the protocol trained on a CIFAR-10 experiment at this scale ({@code general-best},
     * {@code truck-best} in notebook 09): {@link #best}'s training on the scale's images, for
     * {@link #FULL_WINNER_EPOCHS} at full scale.
     */
    public RunSpec winner(Experiment experiment) {
        if (experiment.usesPhotos()) {
            throw new IllegalArgumentException("the quick protocol chose a 32 px model; the landmark experiment's"
                    + " model is the 128 px U-Net");
        }
        RunSpec spec = scale.spec(experiment, dataRoot);
        int epochs = scale.isFull() ? FULL_WINNER_EPOCHS.get(experiment) : scale.maxEpochs();
        // No halving first: a cosine schedule refuses a run that also halves its rate on plateaus.
        return best(spec.withTraining(spec.training().withEpochs(epochs).withPatience(0).withLrPatience(0)));
    }

    /**
     * How the photo model fills holes: flip averaging, as the winner (+1.5 points of gain on the validation photos;
     * Poisson compositing cost 0.7 points there).
     */
    public static final InferenceOptions PHOTO_OPTIONS = FLIP;

    /**
     * The protocol's choice for photos ({@code photos-best} in notebook 09): the winner's training with half its
     * images crops of the landmark training photos. On the quick budget it is 3.4% worse than the winner on CIFAR-10's
     * validation images and twice as far below harmonic fill on the validation photos (20.4% against 10.0%, with
     * {@link #PHOTO_OPTIONS}): the model for users' photos. It sees as many images per epoch as the winner.
     */
    public RunSpec photoWinner() {
        RunSpec spec = winner(Experiment.GENERAL);
        int images = spec.trainLimit() > 0 ? spec.trainLimit() : Holdout.start(Cifar10.TRAIN_IMAGES);
        return sceneCrops(spec.withLimits(images, spec.testLimit()));
    }

    /** Where a scale keeps the winner's run of a CIFAR-10 experiment: {@code general-best}, {@code truck-best}. */
    public static Path winnerFolder(Scale scale, Experiment experiment) {
        return scale.runFolder(experiment.id() + "-best");
    }

    /** Where a scale keeps the photo model's run: {@code photos-best}. */
    public static Path photoWinnerFolder(Scale scale) {
        return scale.runFolder("photos-best");
    }

    /**
     * The winner as trained and with {@link #WINNER_OPTIONS}, and harmonic fill: the fills notebook 09 shows side by
     * side and scores on the test images.
     */
    public static List<Inpainter> fills(InpaintingModel winner) {
        ModelInpainter trained = new ModelInpainter(winner, "winner");
        return List.of(trained, WINNER_OPTIONS.around(trained), Baseline.harmonic());
    }

    /** Where a candidate's run lives: {@code 07-quick/ce32-seed1}. */
    public Path folder(Candidate candidate) {
        return scale.runFolder(FOLDER).resolve(candidate.run() + "-seed" + SEED);
    }

    /** One candidate's result: its run's history and the figures it is judged by. */
    public record Outcome(Candidate candidate, Path folder, LossHistory history, long parameters,
                          double validationMse, double harmonicValidationMse, double photoMse, double harmonicPhotoMse) {

        /** How far below harmonic fill on CIFAR-10's validation images: 1 - mse / harmonic. */
        public double validationGain() {
            return 1 - validationMse / harmonicValidationMse;
        }

        /** The same on the landmark validation photos at 32 px, images of another source. */
        public double photoGain() {
            return 1 - photoMse / harmonicPhotoMse;
        }
    }

    /** The compared candidates, in the order run. */
    public record Result(List<Outcome> outcomes) {

        /**
         * One row per candidate: what it changes, its validation masked MSE and its change against the paper's model,
         * its gain over harmonic fill on the validation images and on the validation photos, parameters and time.
         */
        public Table table() {
            double paper = outcomes.get(0).validationMse();
            Table t = Table.create("quick protocol: validation images",
                    StringColumn.create("candidate"), StringColumn.create("changes"),
                    DoubleColumn.create("validation_mse"), DoubleColumn.create("vs_paper"),
                    DoubleColumn.create("gain_cifar10"), DoubleColumn.create("gain_photos_32"),
                    DoubleColumn.create("parameters_m"), IntColumn.create("minutes"));
            for (Outcome o : outcomes) {
                t.stringColumn("candidate").append(o.candidate().name());
                t.stringColumn("changes").append(o.candidate().what());
                t.doubleColumn("validation_mse").append(o.validationMse());
                t.doubleColumn("vs_paper").append(o.validationMse() / paper - 1);
                t.doubleColumn("gain_cifar10").append(o.validationGain());
                t.doubleColumn("gain_photos_32").append(o.photoGain());
                t.doubleColumn("parameters_m").append(Math.round(o.parameters() / 1e5) / 10.0);
                t.intColumn("minutes").append((int) Math.round(o.history().totalSeconds() / 60));
            }
            MetricFormats.applyTo(t);
            return t;
        }

        /** The trained runs' validation curves and settings side by side. */
        public RunComparison comparison() {
            return RunComparison.of(folders());
        }

        /**
         * Every candidate, with its inference options, on each of {@code sets}' sets of its image size: the test
         * images and the photos no candidate trained on, scored once the choices are made.
         */
        public List<Generalisation.Row> generalisation(Generalisation sets) {
            List<Generalisation.Row> rows = new ArrayList<>();
            for (Outcome o : outcomes) {
                rows.addAll(sets.score(o.candidate().run(), RunFolder.model(o.folder()), o.candidate().options(),
                        Generalisation.trainedOn(RunFolder.manifest(o.folder()).entries())));
            }
            return rows;
        }

        /** Each trained run's folder once, in order. */
        public List<Path> folders() {
            return outcomes.stream().map(Outcome::folder).distinct().toList();
        }
    }

    /**
     * At the small scale, one candidate of each kind beside the paper's model (a network, a training choice, a way of
     * filling, a combination): every step of the protocol, in CI's budget. Every candidate's own behaviour has its unit tests.
     */
    static final List<String> SMALL = List.of(PAPER, "dilated32", "ce32-scene-crops", "ce32+flip+poisson",
            BEST + "+flip+poisson");

    /** The candidates compared at this scale: all of {@link #CANDIDATES} at full scale. */
    public List<Candidate> candidates() {
        return scale.isFull() ? CANDIDATES : CANDIDATES.stream().filter(c -> SMALL.contains(c.name())).toList();
    }

    /** Trains (or reuses) every candidate's run of this scale and scores each candidate. */
    public Result run(ProgressListener progress) {
        return run(candidates(), progress);
    }

    public Result run(List<Candidate> candidates, ProgressListener progress) {
        // Generalisation scores a model and, once per set, harmonic fill: here on the two sets choices are made on.
        Generalisation sets = new Generalisation(List.of(
                new Generalisation.Images(ValidationSplit.KEY, Generalisation.CIFAR10, ExperimentData.load(base()).validation()),
                Generalisation.scenesValidation(dataRoot, base().experiment().imageSize(), scale.testLimit())));
        List<Outcome> outcomes = new ArrayList<>();
        Map<Path, LossHistory> trained = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            Path folder = folder(c);
            // Candidates that differ only at inference share a run: it is trained (or reused) once.
            LossHistory history = trained.computeIfAbsent(folder, f -> RunPipeline.trainOnly(spec(c), f, progress));
            InpaintingModel model = RunFolder.model(folder);
            List<Generalisation.Row> rows = sets.score(c.name(), model, c.options(), Set.of());
            outcomes.add(new Outcome(c, folder, history, model.parameterCount(), rows.get(0).maskedMse(),
                    rows.get(0).harmonicMse(), rows.get(1).maskedMse(), rows.get(1).harmonicMse()));
        }
        return new Result(List.copyOf(outcomes));
    }
}
