package org.contextencoder.train;

import org.contextencoder.model.PatchDiscriminator;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * The discriminator's side of the joint loss, a least-squares GAN (Mao et al. 2017): the discriminator is trained
 * to score real patches 1 and filled ones 0, the generator to make its patches score 1. Patches are flat
 * channels-first vectors, N x 3*m*m, as the generator's loss layer sees them. The discriminator runs in training
 * mode throughout (batch statistics), real and filled patches in separate batches, as DCGAN does.
 * <p>
 * It runs on a thread of its own: the generator asks for its verdict from inside its loss layer, while the
 * generator's workspaces are open, and DL4J refuses to run a network while another's workspaces are open on the
 * same thread. The caller waits, so nothing runs in parallel.
 * <p>
 * Gradients follow DL4J's convention: summed over the batch, the updater divides by the batch size.
 */
final class Adversary {

    /**
     * What the discriminator makes of the generator's patches: the adversarial loss (the mean of
     * {@code perExample}, each patch's (D(fake) - 1)^2) and its gradient with respect to the patches.
     */
    record Verdict(double loss, INDArray perExample, INDArray gradient) {
    }

    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "discriminator");
        t.setDaemon(true);
        return t;
    });

    private final MultiLayerNetwork discriminator;
    private final int patchSize;

    Adversary(PatchDiscriminator discriminator) {
        this.discriminator = discriminator.network();
        this.patchSize = discriminator.patchSize();
    }

    /**
     * The generator's adversarial loss on its patches, mean (D(fake) - 1)^2, and its gradient with respect to
     * {@code fake} (summed over the batch). The discriminator is not updated.
     */
    Verdict judge(INDArray fake) {
        return onOwnThread(() -> verdict(fake));
    }

    private Verdict verdict(INDArray fake) {
        Pass pass = backprop(fake, s -> s.sub(1).muli(2));
        INDArray perExample = pass.scores().sub(1);
        perExample.muli(perExample);
        return new Verdict(perExample.meanNumber().doubleValue(), perExample,
                pass.inputGradient().reshape('c', fake.shape()));
    }

    /** One update of the discriminator on a batch of real and filled patches; returns its loss before it. */
    double train(INDArray real, INDArray fake) {
        return onOwnThread(() -> update(real, fake));
    }

    private double update(INDArray real, INDArray fake) {
        double loss = accumulate(real, fake);
        INDArray gradient = discriminator.getFlattenedGradients();
        discriminator.getUpdater().update(discriminator, new DefaultGradient(gradient),
                discriminator.getIterationCount(), discriminator.getEpochCount(), (int) real.size(0),
                LayerWorkspaceMgr.noWorkspaces());
        INDArray params = discriminator.params();
        params.subi(gradient.reshape(params.shape()));
        discriminator.getLayerWiseConfigurations().setIterationCount(discriminator.getIterationCount() + 1);
        return loss;
    }

    /**
     * The discriminator's loss, (mean (D(real) - 1)^2 + mean D(fake)^2) / 2, leaving its gradient in the
     * network's gradient view.
     */
    double lossAndGradient(INDArray real, INDArray fake) {
        return onOwnThread(() -> accumulate(real, fake));
    }

    private double accumulate(INDArray real, INDArray fake) {
        INDArray realScores = backprop(real, s -> s.sub(1)).scores();
        INDArray realGradient = discriminator.getFlattenedGradients().dup();
        INDArray fakeScores = backprop(fake, INDArray::dup).scores();
        discriminator.getFlattenedGradients().addi(realGradient);
        return (meanSquare(realScores.sub(1)) + meanSquare(fakeScores)) / 2;
    }

    private record Pass(INDArray scores, INDArray inputGradient) {
    }

    /**
     * Scores {@code patches} in training mode and backpropagates the error {@code errorOf(scores)}, DL4J's external
     * errors; the network's gradient view then holds the gradient of its parameters.
     */
    private Pass backprop(INDArray patches, UnaryOperator<INDArray> errorOf) {
        discriminator.setInput(patches.reshape('c', patches.size(0), 3, patchSize, patchSize));
        List<INDArray> activations = discriminator.feedForward(true, false);
        INDArray scores = activations.get(activations.size() - 1);
        INDArray inputGradient = discriminator.backpropGradient(errorOf.apply(scores),
                LayerWorkspaceMgr.noWorkspaces()).getSecond();
        return new Pass(scores, inputGradient);
    }

    private static <T> T onOwnThread(Callable<T> work) {
        try {
            return THREAD.submit(work).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the discriminator ran", e);
        }
    }

    private static double meanSquare(INDArray x) {
        return x.mul(x).meanNumber().doubleValue();
    }
}
