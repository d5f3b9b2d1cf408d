package org.contextencoder.train;

import org.contextencoder.data.ImageSet;
import org.contextencoder.mask.HoleFill;
import org.contextencoder.model.Architecture;
import org.contextencoder.model.InpaintingModel;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * A network small enough to train and checkpoint in milliseconds, for the tests of what happens around training:
 * one 17x17 convolution from the 32 px image to the 16 px hole, sigmoid, MSE; the optimizer's weight decay, if it
 * has one, as the workbench's networks apply it.
 */
final class TinyNetwork {

    private TinyNetwork() {
    }

    /** A new one for these settings, its hole covered with the mean colour of {@code train}. */
    static InpaintingModel model(TrainingConfig c, ImageSet train) {
        NeuralNetConfiguration.Builder b = new NeuralNetConfiguration.Builder().seed(c.seed())
                .updater(c.optimizer().updater(c.learningRate())).weightInit(WeightInit.XAVIER);
        if (c.optimizer().weightDecay() > 0) b.weightDecay(c.optimizer().weightDecay(), true);
        ComputationGraph graph = new ComputationGraph(b.graphBuilder()
                .addInputs("image").setInputTypes(InputType.convolutional(32, 32, 3))
                .addLayer("conv", new ConvolutionLayer.Builder(17, 17).nOut(3)
                        .convolutionMode(ConvolutionMode.Truncate).activation(Activation.IDENTITY).build(), "image")
                .addLayer("out", new LossLayer.Builder(LossFunction.MSE).activation(Activation.SIGMOID).build(),
                        "conv")
                .setOutputs("out").build());
        graph.init();
        return new InpaintingModel(graph, Architecture.CE32, 16, new HoleFill.Solid(train.meanColour()));
    }
}
