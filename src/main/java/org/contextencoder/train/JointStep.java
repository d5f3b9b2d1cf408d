package org.contextencoder.train;

import org.contextencoder.model.Discriminator;
import org.contextencoder.model.InpaintingModel;
import org.contextencoder.model.PatchDiscriminator;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.ILossFunction;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The joint loss's training step: the generator is updated with {@code (1 - w) L2 + w adversarial}
 * (least squares: mean (D(G(x)) - 1)^2), and the discriminator to score real hole contents 1 and filled ones 0.
 * Both updates start from the same state: the generator's gradient sees the discriminator before its update, and
 * the discriminator sees the patches the generator made before its own. With {@code w = 0} the generator's update
 * is exactly the L2 step's ({@code fit} on the batch); the discriminator still learns, and the adversarial loss is
 * still reported.
 * <p>
 * As a run's step ({@link #start}) it follows Pathak et al.'s recipe: Adam with beta1 0.5 for both networks, the
 * discriminator at a tenth of the generator's learning rate (halved with it). The discriminator, with its optimizer
 * state, is the step's state in the checkpoint; its batch losses are the L2 part (the training loss), the
 * adversarial part and the discriminator's loss.
 */
public final class JointStep implements TrainingStep {

    public static final String L2 = "l2";
    public static final String ADVERSARIAL = "adversarial";
    public static final String DISCRIMINATOR = "discriminator";

    private final ComputationGraph generator;
    private final LossLayer lossLayer;
    private final double weight;
    private Discriminator discriminator;
    private Adversary adversary;

    public JointStep(InpaintingModel generator, Discriminator discriminator, double adversarialWeight) {
        requireWeight(adversarialWeight);
        discriminator.requireFits(generator.imageSize(), generator.holeSize());
        this.generator = generator.graph();
        this.lossLayer = lossLayer(this.generator);
        this.weight = adversarialWeight;
        use(discriminator);
    }

    /**
     * The step a run trains with: a new discriminator of the chosen kind (seeded with the run's seed), and the
     * generator's Adam switched to beta1 0.5.
     */
    static JointStep start(InpaintingModel generator, TrainingConfig config, double adversarialWeight,
                           Discriminator.Choice kind) {
        requireAdam(config.optimizer());
        setBeta1(generator.graph(), PatchDiscriminator.BETA1);
        return new JointStep(generator, kind.build(generator.imageSize(), generator.holeSize(), config.seed(),
                config.learningRate()), adversarialWeight);
    }

    static void requireWeight(double adversarialWeight) {
        if (!(adversarialWeight >= 0 && adversarialWeight <= 1)) {
            throw new IllegalArgumentException("the adversarial weight is the adversarial term's share of the"
                    + " generator's loss, so it must lie in [0, 1] (Pathak et al.'s is 0.001), not " + adversarialWeight);
        }
    }

    /** Pathak et al. train both networks with Adam at beta1 0.5; the other optimizers have no beta1 to set. */
    static void requireAdam(Optimizer optimizer) {
        if (optimizer != Optimizer.ADAM && optimizer != Optimizer.ADAMW) {
            throw new IllegalArgumentException("the joint loss trains with Adam at beta1 " + PatchDiscriminator.BETA1
                    + " (Pathak et al.), so its optimizer is adam or adamw, not " + optimizer.id());
        }
    }

    /**
     * Sets the momentum of every Adam layer of {@code graph}, keeping the optimizer's state. The updater reads its
     * settings from the layers' own configurations, which the model file saves, at every step.
     */
    private static void setBeta1(ComputationGraph graph, double beta1) {
        for (org.deeplearning4j.nn.api.Layer layer : graph.getLayers()) {
            if (layer.conf().getLayer() instanceof BaseLayer conf) {
                if (conf.getIUpdater() instanceof Adam adam) adam.setBeta1(beta1);
                if (conf.getBiasUpdater() instanceof Adam adam) adam.setBeta1(beta1);
            }
        }
    }

    private void use(Discriminator d) {
        this.discriminator = d;
        this.adversary = new Adversary(d);
    }

    @Override
    public BatchLosses fit(Batch batch) {
        return new BatchLosses(step(batch.features(), batch.labels()));
    }

    /**
     * Trains both networks on one batch: images with covered holes (NCHW) and the holes' true pixels (flat,
     * channels-first, as {@link Batch} has them). Returns the generator's L2 and adversarial losses and the
     * discriminator's loss, each as it was before the step's updates.
     */
    public Map<String, Double> step(INDArray features, INDArray labels) {
        ILossFunction l2 = lossLayer.getLossFn();
        JointLoss loss = new JointLoss(l2, adversary, weight, features);
        lossLayer.setLossFn(loss);
        try {
            generator.fit(new DataSet(features, labels));
        } finally {
            lossLayer.setLossFn(l2);
        }
        double discriminatorLoss = adversary.train(features, labels, loss.fake());
        Map<String, Double> parts = new LinkedHashMap<>();
        parts.put(L2, loss.l2());
        parts.put(ADVERSARIAL, loss.adversarial());
        parts.put(DISCRIMINATOR, discriminatorLoss);
        return parts;
    }

    /** The discriminator learns at {@link PatchDiscriminator#RATE_RATIO} times the generator's rate. */
    @Override
    public void learningRate(double rate) {
        double own = rate * PatchDiscriminator.RATE_RATIO;
        // In place, as the generator's: a schedule sets a new rate for every batch.
        for (MultiLayerNetwork network : discriminator.networks()) Trainer.setLearningRate(network.getLayers(), own);
    }

    /** The discriminator's networks with their optimizer state. */
    @Override
    public Map<String, StepState> state() {
        return Map.of(DISCRIMINATOR, new StepState() {
            @Override
            public void save(Path file) {
                NetworksFile.write(discriminator.networks(), file);
            }

            @Override
            public void restore(Path file) {
                use(discriminator.withNetworks(NetworksFile.read(file)));
            }
        });
    }

    @Override
    public Optional<String> diverged() {
        // One NaN or infinity makes the sum NaN or infinite.
        boolean finite = discriminator.networks().stream()
                .allMatch(n -> Double.isFinite(n.params().sumNumber().doubleValue()));
        return finite ? Optional.empty() : Optional.of("the discriminator's weights");
    }

    /** The discriminator as it stands (a restore replaces it). */
    Discriminator discriminator() {
        return discriminator;
    }

    private static LossLayer lossLayer(ComputationGraph generator) {
        if (generator.getNumOutputArrays() == 1
                && generator.getOutputLayer(0).conf().getLayer() instanceof LossLayer layer) {
            return layer;
        }
        throw new IllegalArgumentException("the joint step trains a generator that ends in one loss layer, as the"
                + " workbench's context encoders do; this one does not");
    }
}
