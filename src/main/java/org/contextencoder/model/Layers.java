package org.contextencoder.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.learning.config.IUpdater;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The building blocks the architectures share, named as the paper names them. */
final class Layers {

    private Layers() {
    }

    /**
     * A graph with one square RGB input named "image" and the seeded settings every layer shares: Keras's default
     * initialisation (Glorot uniform, as in the paper's code), 'same' convolutions, and decoupled weight decay
     * (AdamW's) when {@code weightDecay > 0}.
     */
    static GraphBuilder graph(long seed, IUpdater updater, double weightDecay, Layout layout, int imageSize) {
        NeuralNetConfiguration.Builder b = new NeuralNetConfiguration.Builder().seed(seed).updater(updater)
                .cacheMode(layout.cacheMode())
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .convolutionMode(ConvolutionMode.Same);
        return (weightDecay > 0 ? b.weightDecay(weightDecay, true) : b)
                .graphBuilder()
                .addInputs("image")
                .setInputTypes(InputType.convolutional(imageSize, imageSize, 3));
    }

    /**
     * Conv 3x3 'same' + BatchNorm + ReLU; returns the ReLU's name. The activation is a layer of its own because
     * DL4J ignores an activation set on BatchNormalization.
     */
    static String convBnRelu(GraphBuilder g, String name, int filters, String... inputs) {
        g.addLayer(name + "_conv", conv(filters), inputs);
        return bnRelu(g, name);
    }

    /** As {@link #convBnRelu(GraphBuilder, String, int, String...)}, preprocessing the input first. */
    static String convBnRelu(GraphBuilder g, String name, int filters, InputPreProcessor preprocessor, String input) {
        g.addLayer(name + "_conv", conv(filters), preprocessor, input);
        return bnRelu(g, name);
    }

    /**
     * As {@link #convBnRelu(GraphBuilder, String, int, String...)} with a 3x3 kernel whose taps lie {@code dilation}
     * pixels apart: a field of view of 2 * dilation + 1 pixels at the cost of 3x3 weights, at full resolution.
     */
    static String dilatedConvBnRelu(GraphBuilder g, String name, int filters, int dilation, Layout layout,
                                    String input) {
        if (layout.dilatesBySubImages()) {
            g.addLayer(name + "_conv", conv(filters), SubImages.split(dilation), input);
            g.addLayer(name + "_bn", new BatchNormalization.Builder().build(), SubImages.join(dilation),
                    name + "_conv");
            return relu(g, name);
        }
        g.addLayer(name + "_conv", conv(filters, dilation), input);
        return bnRelu(g, name);
    }

    private static ConvolutionLayer conv(int filters) {
        return conv(filters, 1);
    }

    private static ConvolutionLayer conv(int filters, int dilation) {
        return new ConvolutionLayer.Builder(3, 3).dilation(dilation, dilation).nOut(filters)
                .activation(Activation.IDENTITY).build();
    }

    private static String bnRelu(GraphBuilder g, String name) {
        g.addLayer(name + "_bn", new BatchNormalization.Builder().build(), name + "_conv");
        return relu(g, name);
    }

    private static String relu(GraphBuilder g, String name) {
        g.addLayer(name, new ActivationLayer.Builder().activation(Activation.RELU).build(), name + "_bn");
        return name;
    }

    /** 2x2 max-pool, stride 2: halves height and width. */
    static String pool(GraphBuilder g, String name, String input) {
        g.addLayer(name, new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build(), input);
        return name;
    }

    /** Joins activations of the same height and width along the channels (a skip connection's merge). */
    static String concat(GraphBuilder g, String name, String... inputs) {
        g.addVertex(name, new MergeVertex(), inputs);
        return name;
    }

    /** Cuts {@code border} pixels off every side: the part of a feature map that lies over the hole. */
    static String crop(GraphBuilder g, String name, String input, int border) {
        g.addLayer(name, new Cropping2D(border, border, border, border), input);
        return name;
    }

    /** Nearest-neighbour 2x upsampling. */
    static String upsample(GraphBuilder g, String name, String input) {
        g.addLayer(name, new Upsampling2D.Builder(2).build(), input);
        return name;
    }

    /**
     * The output: Conv 3x3 to 3 channels with sigmoid (pixels in [0,1]), then an MSE loss on the flattened
     * patch. Flattening makes the loss a true per-pixel mean (CnnLossLayer would sum over height x width),
     * so reported losses are the paper's figures and SGD's learning rates mean what they say.
     */
    static String sigmoidPatchWithMse(GraphBuilder g, String input, int patchSize, Layout layout) {
        g.addLayer("patch", new ConvolutionLayer.Builder(3, 3).nOut(3).activation(Activation.SIGMOID).build(), input);
        g.addLayer("mse", new LossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                .build(), layout.flatten(patchSize, patchSize, 3), "patch");
        g.setOutputs("mse");
        return "mse";
    }
}
