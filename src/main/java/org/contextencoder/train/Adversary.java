package org.contextencoder.train;

import org.contextencoder.model.Discriminator;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * The discriminator's side of the joint loss, a least-squares GAN (Mao et al. 2017): the discriminator is trained
 * to score real patches 1 and filled ones 0, the generator to make its patches score 1. Images are NCHW with covered
 * holes, patches flat channels-first vectors (N x 3*m*m), as the generator's loss layer sees them. The
 * discriminator runs in training mode throughout (batch statistics), real and filled patches in separate batches,
 * as DCGAN does.
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

    private final Discriminator discriminator;
    private final List<MultiLayerNetwork> networks;

    Adversary(Discriminator discriminator) {
        this.discriminator = discriminator;
        this.networks = discriminator.networks();
    }

    /**
     * The generator's adversarial loss on its patches, mean (D(fake) - 1)^2, and its gradient with respect to
     * {@code fake} (summed over the batch). The discriminator is not updated.
     */
    Verdict judge(INDArray images, INDArray fake) {
        return onOwnThread(() -> verdict(images, fake));
    }

    private Verdict verdict(INDArray images, INDArray fake) {
        Pass pass = backprop(images, fake, s -> s.sub(1).muli(2));
        INDArray perExample = pass.scores().sub(1);
        perExample.muli(perExample);
        return new Verdict(perExample.meanNumber().doubleValue(), perExample,
                discriminator.patchGradient(pass.inputGradients()));
    }

    /** One update of the discriminator on a batch of real and filled patches; returns its loss before it. */
    double train(INDArray images, INDArray real, INDArray fake) {
        return onOwnThread(() -> update(images, real, fake));
    }

    private double update(INDArray images, INDArray real, INDArray fake) {
        double loss = accumulate(images, real, fake);
        for (MultiLayerNetwork network : networks) {
            INDArray gradient = network.getFlattenedGradients();
            network.getUpdater().update(network, new DefaultGradient(gradient), network.getIterationCount(),
                    network.getEpochCount(), (int) real.size(0), LayerWorkspaceMgr.noWorkspaces());
            INDArray params = network.params();
            params.subi(gradient.reshape(params.shape()));
            network.getLayerWiseConfigurations().setIterationCount(network.getIterationCount() + 1);
        }
        return loss;
    }

    /**
     * The discriminator's loss, (mean (D(real) - 1)^2 + mean D(fake)^2) / 2, leaving its gradient in the
     * networks' gradient views.
     */
    double lossAndGradient(INDArray images, INDArray real, INDArray fake) {
        return onOwnThread(() -> accumulate(images, real, fake));
    }

    private double accumulate(INDArray images, INDArray real, INDArray fake) {
        INDArray realScores = backprop(images, real, s -> s.sub(1)).scores();
        List<INDArray> realGradients = networks.stream().map(n -> n.getFlattenedGradients().dup()).toList();
        INDArray fakeScores = backprop(images, fake, INDArray::dup).scores();
        for (int i = 0; i < networks.size(); i++) networks.get(i).getFlattenedGradients().addi(realGradients.get(i));
        return (meanSquare(realScores.sub(1)) + meanSquare(fakeScores)) / 2;
    }

    private record Pass(INDArray scores, List<INDArray> inputGradients) {
    }

    /**
     * Scores the patches in training mode (the sum of the networks' scores) and backpropagates the error
     * {@code errorOf(scores)} through every network, DL4J's external errors; their gradient views then hold the
     * gradients of their parameters.
     */
    private Pass backprop(INDArray images, INDArray patches, UnaryOperator<INDArray> errorOf) {
        List<INDArray> inputs = discriminator.inputs(images, patches);
        INDArray scores = null;
        for (int i = 0; i < networks.size(); i++) {
            networks.get(i).setInput(inputs.get(i));
            List<INDArray> activations = networks.get(i).feedForward(true, false);
            INDArray score = activations.get(activations.size() - 1);
            scores = scores == null ? score.dup() : scores.addi(score);
        }
        INDArray error = errorOf.apply(scores);
        List<INDArray> inputGradients = new ArrayList<>();
        for (MultiLayerNetwork network : networks) {
            inputGradients.add(network.backpropGradient(error.dup(), LayerWorkspaceMgr.noWorkspaces()).getSecond());
        }
        return new Pass(scores, inputGradients);
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
