package org.contextencoder.train;

import org.contextencoder.model.Discriminator;
import org.contextencoder.model.InpaintingModel;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.lossfunctions.ILossFunction;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One training step of the joint loss on a batch: the generator is updated with {@code (1 - w) L2 + w adversarial}
 * (least squares: mean (D(G(x)) - 1)^2), and the discriminator to score real hole contents 1 and filled ones 0.
 * Both updates start from the same state: the generator's gradient sees the discriminator before its update, and
 * the discriminator sees the patches the generator made before its own. With {@code w = 0} the generator's update
 * is exactly the L2 step's ({@code fit} on the batch); the discriminator still learns, and the adversarial loss is
 * still reported.
 */
public final class JointStep {

    public static final String L2 = "l2";
    public static final String ADVERSARIAL = "adversarial";
    public static final String DISCRIMINATOR = "discriminator";

    private final ComputationGraph generator;
    private final LossLayer lossLayer;
    private final Adversary adversary;
    private final double weight;

    public JointStep(InpaintingModel generator, Discriminator discriminator, double adversarialWeight) {
        if (!(adversarialWeight >= 0 && adversarialWeight <= 1)) {
            throw new IllegalArgumentException("the adversarial weight is the adversarial term's share of the"
                    + " generator's loss, so it must lie in [0, 1] (Pathak et al.'s is 0.001), not " + adversarialWeight);
        }
        discriminator.requireFits(generator.imageSize(), generator.holeSize());
        this.generator = generator.graph();
        this.lossLayer = lossLayer(this.generator);
        this.adversary = new Adversary(discriminator);
        this.weight = adversarialWeight;
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
        double discriminator = adversary.train(features, labels, loss.fake());
        Map<String, Double> parts = new LinkedHashMap<>();
        parts.put(L2, loss.l2());
        parts.put(ADVERSARIAL, loss.adversarial());
        parts.put(DISCRIMINATOR, discriminator);
        return parts;
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
