package org.contextencoder.train;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * The generator's loss for one joint step, {@code (1 - w) L2 + w adversarial}, in the place of the L2 loss in the
 * generator's loss layer: the generator then trains through its own {@code fit}, exactly as the L2 step does, and
 * the discriminator's gradient with respect to the patch (the external error) joins the L2 gradient where the
 * patch leaves the generator. It judges the first patch it sees once and remembers the verdict, so it serves one
 * batch: a fresh one for every step.
 */
final class JointLoss implements ILossFunction {

    private final ILossFunction l2;
    private final Adversary adversary;
    private final double weight;
    private final INDArray images;
    private INDArray fake;
    private double l2Mean;
    private Adversary.Verdict verdict;

    /** {@code images}: the batch's images with covered holes, which a discriminator may look at around the patch. */
    JointLoss(ILossFunction l2, Adversary adversary, double weight, INDArray images) {
        this.l2 = l2;
        this.adversary = adversary;
        this.weight = weight;
        this.images = images;
    }

    /** The generator's patches of this batch (before its update), flat as the labels. */
    INDArray fake() {
        return fake;
    }

    double l2() {
        return l2Mean;
    }

    double adversarial() {
        return verdict.loss();
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        Adversary.Verdict v = judge(labels, preOutput, activationFn, mask);
        INDArray gradient = l2.computeGradient(labels, preOutput, activationFn, mask);
        INDArray adversarial = activationFn.backprop(preOutput.dup(), v.gradient().dup()).getFirst();
        return gradient.muli(1 - weight).addi(adversarial.muli(weight));
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                               boolean average) {
        Adversary.Verdict v = judge(labels, preOutput, activationFn, mask);
        double adversarial = average ? v.loss() : v.loss() * labels.size(0);
        return (1 - weight) * l2.computeScore(labels, preOutput, activationFn, mask, average) + weight * adversarial;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        Adversary.Verdict v = judge(labels, preOutput, activationFn, mask);
        return l2.computeScoreArray(labels, preOutput, activationFn, mask).muli(1 - weight)
                .addi(v.perExample().mul(weight).reshape(labels.size(0), 1));
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                          INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    /**
     * The discriminator's verdict on this batch's patches, computed on first use. The generator's arrays live in
     * its workspaces, so the patches are copied out before the discriminator sees them.
     */
    private Adversary.Verdict judge(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        if (verdict == null) {
            try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                fake = activationFn.getActivation(preOutput.dup(), true);
                l2Mean = l2.computeScore(labels, preOutput, activationFn, mask, true);
                verdict = adversary.judge(images, fake);
            }
        }
        return verdict;
    }

    @Override
    public String name() {
        return "joint";
    }
}
