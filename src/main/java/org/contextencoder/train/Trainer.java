package org.contextencoder.train;

import org.contextencoder.data.ImageSet;
import org.contextencoder.eval.Evaluator;
import org.contextencoder.eval.ModelInpainter;
import org.contextencoder.mask.Mask;
import org.contextencoder.model.InpaintingModel;
import org.contextencoder.model.ModelFile;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Trains a context encoder epoch by epoch: shuffled batches (the order depends only on seed and epoch, so a
 * resumed run continues exactly as an uninterrupted one would), each given to a {@link TrainingStep} (the paper's
 * L2 step unless {@link #withStep} says otherwise), the training loss as the mean of the batch losses, the
 * validation loss as masked MSE on the held-out images, a checkpoint after every epoch, and an early stop once
 * validation has not improved for {@code patience} epochs; with {@code lrPatience} the learning rate halves each
 * time validation has not improved for that many epochs. The config's {@link Recipe} may move the training holes
 * (validation keeps the centre hole), set a new rate for every batch, and keep an average of the weights, which is
 * then what validation scores and the run keeps.
 */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final TrainingConfig config;
    private final ProgressListener listener;
    private final TrainingStep.Factory step;
    private final Checkpoint.Steps checkpointSteps;

    public Trainer(TrainingConfig config, ProgressListener listener) {
        this(config, listener, Checkpoint.Steps.NONE);
    }

    /** {@code checkpointSteps} hears each step of every checkpoint write (tests kill the run there). */
    Trainer(TrainingConfig config, ProgressListener listener, Checkpoint.Steps checkpointSteps) {
        this(config, listener, TrainingStep.L2, checkpointSteps);
    }

    private Trainer(TrainingConfig config, ProgressListener listener, TrainingStep.Factory step,
                    Checkpoint.Steps checkpointSteps) {
        this.config = config;
        this.listener = listener;
        this.step = step;
        this.checkpointSteps = checkpointSteps;
    }

    /** The same trainer with another step for each batch. */
    public Trainer withStep(TrainingStep.Factory other) {
        return new Trainer(config, listener, other, checkpointSteps);
    }

    /**
     * Trains in {@code runDir}, resuming from its checkpoint if it has one, else starting from {@code fresh}.
     * The fresh model must already carry the hole fill it is trained with. An epoch whose validation loss or
     * weights are not finite numbers has diverged: it is not committed, and the run ends with a
     * {@link TrainingDivergedException}.
     */
    public TrainingResult train(Supplier<InpaintingModel> fresh, ImageSet train, ImageSet validation, Mask mask,
                                Path runDir) {
        Checkpoint checkpoint = new Checkpoint(runDir, checkpointSteps);
        if (checkpoint.exists()) ResumeCheck.requireSame(checkpoint.settings(), settings(), runDir);
        checkpoint.recover();
        boolean resuming = checkpoint.exists();
        InpaintingModel model = resuming ? checkpoint.lastModel() : fresh.get();
        config.recipe().requireFits(model.architecture());
        LossHistory history = resuming ? checkpoint.committedHistory() : new LossHistory();
        TrainingStep batchStep = step.start(model, config);
        WeightAverage average = config.recipe().ema() > 0 ? new WeightAverage(model, config.recipe().ema()) : null;
        Map<String, StepState> state = new LinkedHashMap<>(batchStep.state());
        if (average != null) state.put(WeightAverage.NAME, average);
        InpaintingModel scored = scored(model, average);
        if (resuming) {
            checkpoint.restore(state);
            if (history.size() >= config.epochs() || patienceRunOut(history, config.patience())) {
                LOG.info("{} holds a finished run ({} epochs): reusing it", runDir, history.size());
            } else {
                LOG.info("resuming {} after epoch {}", runDir, history.size());
            }
        }
        listener.runStarted(runDir, history, config.epochs());
        boolean stoppedEarly = false;
        for (int epoch = history.size() + 1; epoch <= config.epochs(); epoch++) {
            if (patienceRunOut(history, config.patience())) {
                stoppedEarly = true;
                break;
            }
            double rate = learningRate(history, config);
            if (setLearningRate(model.graph(), rate) && rate < config.learningRate()) {
                LOG.info("epoch {}: learning rate {} (halved after {} epochs without improvement)", epoch, rate,
                        config.lrPatience());
            }
            EpochRecord record = runEpoch(model, batchStep, average, rate, train, validation, mask, epoch, history);
            requireFinite(record, model, batchStep, history);
            boolean improved = history.size() == 0 || record.valLoss() < history.best().valLoss();
            history.add(record);
            checkpoint.save(model, scored, state, history, improved, settings());
            listener.epochDone(record, config.epochs(), improved);
        }
        stoppedEarly |= patienceRunOut(history, config.patience()) && history.size() < config.epochs();
        return new TrainingResult(ModelFile.load(checkpoint.bestModel()), history, stoppedEarly);
    }

    /** True once the last {@code patience} epochs have not beaten the best one (never for patience 0). */
    static boolean patienceRunOut(LossHistory history, int patience) {
        if (patience == 0 || history.size() == 0) return false;
        return history.size() - history.best().epoch() >= patience;
    }

    /**
     * The rate for the epoch after {@code history}: the configured one, halved once for every run of
     * {@code lrPatience} epochs without a new best (counted afresh after each halving).
     */
    static double learningRate(LossHistory history, TrainingConfig config) {
        double rate = config.learningRate();
        if (config.lrPatience() == 0) return rate;
        double best = Double.POSITIVE_INFINITY;
        int stale = 0;
        for (EpochRecord r : history.records()) {
            if (r.valLoss() < best) {
                best = r.valLoss();
                stale = 0;
            } else if (++stale == config.lrPatience()) {
                rate /= 2;
                stale = 0;
            }
        }
        return rate;
    }

    /**
     * Sets the rate of every layer's optimizer in place, keeping its state; true if it changed. DL4J's own
     * {@code setLearningRate} rebuilds the optimizer and copies its state on every call, a tenth to a fifth of a
     * 32 px batch's time: too slow for a schedule that sets a new rate for every batch.
     */
    static boolean setLearningRate(ComputationGraph graph, double rate) {
        return setLearningRate(graph.getLayers(), rate);
    }

    /** The same for any network's layers (a discriminator's). */
    static boolean setLearningRate(Layer[] layers, double rate) {
        boolean changed = false;
        for (var layer : layers) {
            if (layer.conf().getLayer() instanceof BaseLayer conf && conf.getIUpdater() != null
                    && conf.getIUpdater().hasLearningRate() && conf.getIUpdater().getLearningRate(0, 0) != rate) {
                conf.getIUpdater().setLrAndSchedule(rate, null);
                changed = true;
            }
        }
        return changed;
    }

    /** What validation scores and the run keeps: the trained weights, or their average. */
    private static InpaintingModel scored(InpaintingModel model, WeightAverage average) {
        return average != null ? average.model() : model;
    }

    /**
     * One epoch: its training images with the recipe's holes, each batch at the schedule's rate from the epoch's
     * {@code rate}, then the validation loss on the centre hole.
     */
    private EpochRecord runEpoch(InpaintingModel model, TrainingStep batchStep, WeightAverage average, double rate,
                                 ImageSet train, ImageSet validation, Mask mask, int epoch, LossHistory history) {
        int[] order = shuffled(train.count(), config.seed() * 1_000_003L + epoch);
        long start = System.nanoTime();
        // Each loss summed over the images so far, in the order the step reports them; the first is the training loss.
        Map<String, Double> sums = new LinkedHashMap<>();
        int seen = 0;
        Recipe recipe = config.recipe();
        try (BatchSource batches = new BatchSource(train, recipe.trainingMask(mask, config.seed(), epoch),
                model.fill(), order, config.batchSize(), config.flip() ? config.seed() * 7_919L + epoch : null)) {
            int total = batches.batches();
            for (int b = 1; batches.hasNext(); b++) {
                Batch batch = batches.next();
                double batchRate = recipe.schedule().rate(rate, epoch, b - 1, total, config.epochs());
                setLearningRate(model.graph(), batchRate);
                batchStep.learningRate(batchRate);
                boolean first = true;
                for (Map.Entry<String, Double> loss : batchStep.fit(batch).parts().entrySet()) {
                    if (!Double.isFinite(loss.getValue())) {
                        throw diverged("the " + (first ? "training" : loss.getKey()) + " loss became "
                                + loss.getValue() + " in epoch " + epoch + ", batch " + b, history);
                    }
                    sums.merge(loss.getKey(), loss.getValue() * batch.size(), Double::sum);
                    first = false;
                }
                if (average != null) average.update(model.graph(), (long) (epoch - 1) * total + b);
                seen += batch.size();
                double elapsed = (System.nanoTime() - start) / 1e9;
                double epochLeft = elapsed / seen * (order.length - seen);
                double perEpoch = elapsed + epochLeft;
                listener.batchDone(new BatchProgress(epoch, config.epochs(), b, total,
                        sums.values().iterator().next() / seen, seen / elapsed, epochLeft,
                        epochLeft + perEpoch * (config.epochs() - epoch)));
            }
        }
        InpaintingModel scored = scored(model, average);
        double valLoss = new Evaluator(Math.max(config.batchSize(), scored.architecture().inferenceBatch()))
                .score(new ModelInpainter(scored), validation, mask).maskedMse();
        Map<String, Double> means = new LinkedHashMap<>();
        for (Map.Entry<String, Double> sum : sums.entrySet()) means.put(sum.getKey(), sum.getValue() / seen);
        double trainLoss = means.remove(means.keySet().iterator().next());
        return new EpochRecord(epoch, trainLoss, valLoss, (System.nanoTime() - start) / 1e9, means);
    }

    /** A diverged epoch must never be committed, let alone become the best model. */
    private void requireFinite(EpochRecord record, InpaintingModel model, TrainingStep step, LossHistory history) {
        if (!Double.isFinite(record.valLoss())) {
            throw diverged("the validation loss became " + record.valLoss() + " in epoch " + record.epoch(), history);
        }
        // One NaN or infinity makes the sum NaN or infinite (so would weights near 1e31, diverged too).
        if (!Double.isFinite(model.graph().params().sumNumber().doubleValue())) {
            throw diverged("the weights became NaN or infinite in epoch " + record.epoch(), history);
        }
        Optional<String> part = step.diverged();
        if (part.isPresent()) {
            throw diverged(part.get() + " became NaN or infinite in epoch " + record.epoch(), history);
        }
    }

    private TrainingDivergedException diverged(String what, LossHistory committed) {
        String kept = committed.size() == 0 ? "no epoch finished without diverging, so there is no model"
                : "the run keeps its last good checkpoint, epoch " + committed.size();
        return new TrainingDivergedException("training diverged (" + what + "): " + kept + "; lower the learning rate"
                + " (now " + config.learningRate() + ") or try another optimizer, in a new output folder");
    }

    static int[] shuffled(int n, long seed) {
        int[] order = IntStream.range(0, n).toArray();
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>(config.asMap());
        m.remove("epochs");
        m.remove("patience");
        m.putAll(step.settings());
        return m;
    }
}
