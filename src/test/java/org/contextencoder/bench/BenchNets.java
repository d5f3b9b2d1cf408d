package org.contextencoder.bench;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Benchmark copies of the two context-encoder architectures (the real ones live in the model package); kept here so
 * that speed work does not depend on, or constrain, the model code. Same layers as bench/torch_bench.py.
 */
public final class BenchNets {
    private BenchNets() {
    }

    /** 3x32x32 context -> 3x16x16 centre: conv encoder, 4096-unit bottleneck, upsampling decoder. */
    public static ComputationGraph contextEncoder32(long seed) {
        GraphBuilder g = base(seed).addInputs("in").setInputTypes(InputType.convolutional(32, 32, 3));
        String x = pool(g, "p1", convBnRelu(g, "e1", "in", 64));
        x = pool(g, "p2", convBnRelu(g, "e2", x, 128));
        x = pool(g, "p3", convBnRelu(g, "e3", x, 256));
        g.addLayer("fc", new DenseLayer.Builder().nOut(4096).activation(Activation.RELU).build(), x);
        // The Dense -> conv reshape is not inferred by DL4J: it needs an explicit preprocessor.
        g.addLayer("d3_conv", conv(256), new FeedForwardToCnnPreProcessor(4, 4, 256), "fc");
        x = upsample(g, "u3", bnRelu(g, "d3", "d3_conv"));
        x = upsample(g, "u2", convBnRelu(g, "d2", x, 128));
        return output(g, x);
    }

    /** 3x128x128 context -> 3x32x32 centre: U-Net whose skips are cropped to the centre region. */
    public static ComputationGraph unet128(long seed) {
        GraphBuilder g = base(seed).addInputs("in").setInputTypes(InputType.convolutional(128, 128, 3));
        String e1 = convBnRelu(g, "e1", "in", 64);
        String e2 = convBnRelu(g, "e2", pool(g, "p1", e1), 128);
        String e3 = convBnRelu(g, "e3", pool(g, "p2", e2), 256);
        String e4 = convBnRelu(g, "e4", pool(g, "p3", e3), 512);
        String b = convBnRelu(g, "b", pool(g, "p4", e4), 512);
        String d4 = convBnRelu(g, "d4", concat(g, "m4", upsample(g, "u4", b), e4), 256);
        String d3 = convBnRelu(g, "d3", concat(g, "m3", upsample(g, "u3", d4), e3), 128);
        String c = crop(g, "c", d3, 12);
        String d2 = convBnRelu(g, "d2", concat(g, "m2", upsample(g, "u2", c), crop(g, "e2c", e2, 24)), 64);
        String d1 = convBnRelu(g, "d1", concat(g, "m1", upsample(g, "u1", d2), crop(g, "e1c", e1, 48)), 32);
        return output(g, d1);
    }

    private static GraphBuilder base(long seed) {
        return new NeuralNetConfiguration.Builder().seed(seed).updater(new Adam(1e-3)).weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same).graphBuilder();
    }

    private static ComputationGraph output(GraphBuilder g, String in) {
        g.addLayer("out_conv", conv(3), in);
        g.addLayer("out", new CnnLossLayer.Builder(LossFunction.MSE).activation(Activation.SIGMOID).build(), "out_conv");
        ComputationGraph net = new ComputationGraph(g.setOutputs("out").build());
        net.init();
        return net;
    }

    private static ConvolutionLayer conv(int nOut) {
        return new ConvolutionLayer.Builder(3, 3).stride(1, 1).nOut(nOut).activation(Activation.IDENTITY).build();
    }

    private static String convBnRelu(GraphBuilder g, String name, String in, int nOut) {
        g.addLayer(name + "_conv", conv(nOut), in);
        return bnRelu(g, name, name + "_conv");
    }

    // BatchNormalization ignores .activation(...), hence the separate ReLU layer.
    private static String bnRelu(GraphBuilder g, String name, String in) {
        g.addLayer(name + "_bn", new BatchNormalization.Builder().build(), in);
        g.addLayer(name, new ActivationLayer.Builder().activation(Activation.RELU).build(), name + "_bn");
        return name;
    }

    private static String pool(GraphBuilder g, String name, String in) {
        g.addLayer(name, new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                .kernelSize(2, 2).stride(2, 2).build(), in);
        return name;
    }

    private static String upsample(GraphBuilder g, String name, String in) {
        g.addLayer(name, new Upsampling2D.Builder(2).build(), in);
        return name;
    }

    private static String concat(GraphBuilder g, String name, String a, String b) {
        g.addVertex(name, new MergeVertex(), a, b);
        return name;
    }

    private static String crop(GraphBuilder g, String name, String in, int each) {
        g.addLayer(name, new Cropping2D(each, each, each, each), in);
        return name;
    }
}
