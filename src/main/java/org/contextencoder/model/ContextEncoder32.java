package org.contextencoder.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.IUpdater;

import static org.contextencoder.model.Layers.convBnRelu;
import static org.contextencoder.model.Layers.pool;
import static org.contextencoder.model.Layers.upsample;

/**
 * The paper's 32x32 model (section 2.2): 32x32x3 image in, its 16x16x3 centre out.
 * <pre>
 * Conv 64 + BN + ReLU + pool   32 -> 16
 * Conv 128 + BN + ReLU + pool  16 -> 8
 * Conv 256 + BN + ReLU + pool   8 -> 4     (4x4x256 = 4096)
 * Dense 4096 ReLU, reshape to 4x4x256
 * Conv 256 + BN + ReLU + up 2x  4 -> 8
 * Conv 128 + BN + ReLU + up 2x  8 -> 16
 * Conv 3 sigmoid               16x16x3
 * </pre>
 */
public final class ContextEncoder32 {

    public static final int IMAGE_SIZE = 32;
    public static final int PATCH_SIZE = 16;
    static final int BOTTLENECK_UNITS = 4096;

    private ContextEncoder32() {
    }

    /** {@code weightDecay > 0} adds decoupled weight decay (Adam becomes AdamW). */
    public static ComputationGraphConfiguration configuration(long seed, IUpdater updater, double weightDecay) {
        return configuration(seed, updater, weightDecay, Layout.CHANNELS_LAST);
    }

    static ComputationGraphConfiguration configuration(long seed, IUpdater updater, double weightDecay, Layout layout) {
        GraphBuilder g = Layers.network(seed, updater, weightDecay, layout)
                .weightInit(WeightInit.XAVIER_UNIFORM) // Keras's default, as in the paper's code
                .convolutionMode(ConvolutionMode.Same)
                .graphBuilder()
                .addInputs("image")
                .setInputTypes(InputType.convolutional(IMAGE_SIZE, IMAGE_SIZE, 3));

        String x = pool(g, "pool1", convBnRelu(g, "enc1", 64, layout.entry(), "image"));
        x = pool(g, "pool2", convBnRelu(g, "enc2", 128, x));
        x = pool(g, "pool3", convBnRelu(g, "enc3", 256, x));
        g.addLayer("bottleneck", layout.dense(BOTTLENECK_UNITS, Activation.RELU),
                layout.flatten(4, 4, 256), x);

        // The reshape back to 4x4x256 must be explicit: DL4J cannot infer a dense -> conv shape.
        x = upsample(g, "up1", convBnRelu(g, "dec1", 256, layout.unflatten(4, 4, 256), "bottleneck"));
        x = upsample(g, "up2", convBnRelu(g, "dec2", 128, x));
        Layers.sigmoidPatchWithMse(g, x, PATCH_SIZE, layout);
        return g.build();
    }
}
