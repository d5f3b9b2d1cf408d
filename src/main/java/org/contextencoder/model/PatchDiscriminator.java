package org.contextencoder.model;

import org.contextencoder.backend.Nd4jBackend;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

import java.util.List;

/**
 * The patch-only {@link Discriminator}, Pathak et al.'s, after DCGAN: strided 4x4 convolutions (stride 2) halve the
 * patch down to 4x4 without pooling, each followed by leaky ReLU (0.2), with batch norm on all but the first; the
 * filters double at every halving (up to 512); then one linear score.
 * <pre>
 * 16x16x3 patch (the 32 px models): conv 64 -> 8x8, conv 128 + BN -> 4x4, linear score
 * 32x32x3 patch (UNET128):          conv 64 -> 16,  conv 128 + BN -> 8,  conv 256 + BN -> 4, linear score
 * </pre>
 */
public final class PatchDiscriminator implements Discriminator {

    /** DCGAN's Adam momentum, which Pathak et al. kept: 0.9 lets an adversarial game oscillate. */
    public static final double BETA1 = 0.5;
    /** The discriminator learns 10 times slower than the generator (Pathak et al.). */
    public static final double RATE_RATIO = 0.1;
    /** DCGAN's first layer. */
    public static final int WIDTH = 64;
    private static final int MAX_FILTERS = 512;
    private static final int FINAL_SIZE = 4;

    private final MultiLayerNetwork network;
    private final int patchSize;

    /** A discriminator of {@code patchSize} patches, as {@link #configuration} builds it (or one loaded from a file). */
    public PatchDiscriminator(MultiLayerNetwork network, int patchSize) {
        this.network = network;
        this.patchSize = patchSize;
    }

    /** A new discriminator for a generator trained at {@code generatorRate}, in float. */
    public static PatchDiscriminator build(int patchSize, long seed, double generatorRate) {
        return new PatchDiscriminator(network(patchSize, seed, generatorRate), patchSize);
    }

    /** A new, initialised network of {@code size} px inputs at a tenth of {@code generatorRate}, in float. */
    static MultiLayerNetwork network(int size, long seed, double generatorRate) {
        Nd4jBackend.configure();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(size, seed, generatorRate * RATE_RATIO, WIDTH));
        network.init();
        return network;
    }

    public MultiLayerNetwork network() {
        return network;
    }

    @Override
    public int patchSize() {
        return patchSize;
    }

    @Override
    public void requireFits(int imageSize, int holeSize) {
        if (holeSize != patchSize) {
            throw new IllegalArgumentException("the discriminator judges " + patchSize + "x" + patchSize + " patches"
                    + " but the generator fills " + holeSize + "x" + holeSize + " holes: build it for the generator's"
                    + " hole");
        }
    }

    @Override
    public List<MultiLayerNetwork> networks() {
        return List.of(network);
    }

    @Override
    public List<INDArray> inputs(INDArray images, INDArray patches) {
        return List.of(image(patches, patchSize));
    }

    @Override
    public INDArray patchGradient(List<INDArray> inputGradients) {
        INDArray g = inputGradients.get(0);
        return g.reshape('c', g.size(0), g.length() / g.size(0));
    }

    @Override
    public PatchDiscriminator withNetworks(List<MultiLayerNetwork> networks) {
        requireCount(networks, 1);
        return new PatchDiscriminator(networks.get(0), patchSize);
    }

    /** Refuses networks that cannot be a discriminator's of {@code count} networks. */
    static void requireCount(List<MultiLayerNetwork> networks, int count) {
        if (networks.size() != count) {
            throw new IllegalArgumentException("this discriminator has " + count + " network" + (count == 1 ? "" : "s")
                    + ", not " + networks.size() + ": the file was written for another kind of discriminator");
        }
    }

    /** Flat channels-first patches as an NCHW batch (a view). */
    static INDArray image(INDArray patches, int size) {
        return patches.reshape('c', patches.size(0), 3, size, size);
    }

    /**
     * DCGAN's discriminator of {@code size} x {@code size} x 3 inputs; {@code width}: filters of the first
     * convolution (DCGAN's 64), doubled at each halving.
     */
    public static MultiLayerConfiguration configuration(int size, long seed, double learningRate, int width) {
        if (size <= FINAL_SIZE) {
            throw new IllegalArgumentException("the discriminator halves a patch down to 4x4, so it needs a patch of"
                    + " more than 4 px, not " + size);
        }
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(seed)
                .updater(new Adam(learningRate, BETA1, Adam.DEFAULT_ADAM_BETA2_VAR_DECAY, Adam.DEFAULT_ADAM_EPSILON))
                .weightInit(new NormalDistribution(0, 0.02)) // DCGAN's initialisation
                .convolutionMode(ConvolutionMode.Same)
                // External errors (backpropGradient after feedForward) read arrays of the forward pass, which
                // DL4J's workspaces would have recycled by then.
                .trainingWorkspaceMode(WorkspaceMode.NONE)
                .inferenceWorkspaceMode(WorkspaceMode.NONE)
                .list();
        int filters = width;
        for (int side = size, i = 1; side > FINAL_SIZE; side = (side + 1) / 2, i++) {
            boolean normalised = i > 1;
            // Batch norm's shift makes a convolution's bias redundant.
            list.layer(new ConvolutionLayer.Builder(4, 4).stride(2, 2).nOut(filters).hasBias(!normalised)
                    .activation(Activation.IDENTITY).name("conv" + i).build());
            if (normalised) list.layer(new BatchNormalization.Builder().name("bn" + i).build());
            list.layer(new ActivationLayer.Builder().activation(new ActivationLReLU(0.2)).name("lrelu" + i).build());
            filters = Math.min(2 * filters, MAX_FILTERS);
        }
        return list.layer(new DenseLayer.Builder().nOut(1).activation(Activation.IDENTITY).name("score").build())
                .setInputType(InputType.convolutional(size, size, 3))
                .build();
    }
}
