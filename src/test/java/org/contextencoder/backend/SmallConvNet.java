package org.contextencoder.backend;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** A miniature of the context encoders' building blocks: conv-BN-ReLU-maxpool, upsample, conv, sigmoid MSE. */
final class SmallConvNet {
    static final int CONV = 0;
    static final int BN = 1;
    static final int POOL = 3;

    private SmallConvNet() {
    }

    /**
     * Layer helpers are chosen at construction, so the helper switch must be set before calling this. Plain SGD, not
     * Adam: the conv bias ahead of batch norm has a true gradient of 0, and Adam would scale its float noise (which
     * differs between any two summation orders) up to lr-sized steps, making parameter comparisons meaningless.
     */
    static MultiLayerNetwork build(long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(seed).updater(new Sgd(0.1)).weightInit(WeightInit.RELU).convolutionMode(ConvolutionMode.Same)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(8).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new Upsampling2D.Builder(2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(3).activation(Activation.IDENTITY).build())
                .layer(new CnnLossLayer.Builder(LossFunction.MSE).activation(Activation.SIGMOID).build())
                .setInputType(InputType.convolutional(16, 16, 3))
                .build());
        net.init();
        return net;
    }
}
