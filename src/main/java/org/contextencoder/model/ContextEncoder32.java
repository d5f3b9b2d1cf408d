package org.contextencoder.model;

import org.contextencoder.mask.HoleFill;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.IUpdater;

import static org.contextencoder.model.Layers.convBnRelu;
import static org.contextencoder.model.Layers.pool;
import static org.contextencoder.model.Layers.upsample;

/**
 * The paper's 32x32 model (section 2.2), {@link Architecture#CE32}: 32x32x3 image in, its 16x16x3 centre out.
 * <pre>
 * Conv 64 + BN + ReLU + pool   32 -> 16
 * Conv 128 + BN + ReLU + pool  16 -> 8
 * Conv 256 + BN + ReLU + pool   8 -> 4     (4x4x256 = 4096)
 * Dense 4096 ReLU, reshape to 4x4x256
 * Conv 256 + BN + ReLU + up 2x  4 -> 8
 * Conv 128 + BN + ReLU + up 2x  8 -> 16
 * Conv 3 sigmoid               16x16x3
 * </pre>
 * Every pixel of the patch comes through the 4096-unit bottleneck, which keeps the image's gist but loses where
 * exactly an edge meets the hole; {@link UNet32} changes the decoder's last stages to see the hole's border.
 */
public class ContextEncoder32 extends Architecture {

    public static final int IMAGE_SIZE = 32;
    public static final int PATCH_SIZE = 16;
    static final int BOTTLENECK_UNITS = 4096;
    static final String ENC1 = "enc1";
    static final String ENC2 = "enc2";

    /** Through the dense bottleneck a harmonic fill makes no difference, so the paper's model keeps the mean. */
    ContextEncoder32() {
        this("ce32", HoleFill.Choice.MEAN);
    }

    /**
     * The 32 px models train at 64 and infer at 256, where they run about 1.6x faster than at 64 (bench/README.md:
     * their small layers leave oneDNN underused at 64).
     */
    ContextEncoder32(String id, HoleFill.Choice defaultFill) {
        super(id, IMAGE_SIZE, PATCH_SIZE, defaultFill, 64, 256);
    }

    /** Every pixel of the patch comes from the whole image through the dense bottleneck, wherever the hole is. */
    @Override
    public boolean findsHoleAnywhere() {
        return true;
    }

    @Override
    public void requireHole(int hole) {
        if (hole != PATCH_SIZE) {
            throw new IllegalArgumentException("the 32x32 models predict a 16x16 centre, so their hole must be 16 px,"
                    + " not " + hole);
        }
    }

    @Override
    public ComputationGraphConfiguration configuration(long seed, IUpdater updater, double weightDecay, int hole,
                                                       Layout layout) {
        requireHole(hole);
        GraphBuilder g = Layers.graph(seed, updater, weightDecay, layout, IMAGE_SIZE);

        String x = pool(g, "pool3", encodeTo8x8(g, layout));
        g.addLayer("bottleneck", layout.dense(BOTTLENECK_UNITS, Activation.RELU),
                layout.flatten(4, 4, 256), x);

        // The reshape back to 4x4x256 must be explicit: DL4J cannot infer a dense -> conv shape.
        x = upsample(g, "up1", convBnRelu(g, "dec1", 256, layout.unflatten(4, 4, 256), "bottleneck"));
        Layers.sigmoidPatchWithMse(g, decodeHole(g, x, ENC1, ENC2), PATCH_SIZE, layout);
        return g.build();
    }

    /**
     * The encoder's first three stages, {@link #ENC1} (32x32x64), {@link #ENC2} (16x16x128) and enc3, the whole
     * image at 8x8x256, whose name it returns.
     */
    static String encodeTo8x8(GraphBuilder g, Layout layout) {
        String enc1 = convBnRelu(g, ENC1, 64, layout.entry(), "image");
        String enc2 = convBnRelu(g, ENC2, 128, pool(g, "pool1", enc1));
        return convBnRelu(g, "enc3", 256, pool(g, "pool2", enc2));
    }

    /**
     * From the decoder at 8x8 to the features of the 16x16 hole that the output convolution reads; {@code enc1}
     * (32x32) and {@code enc2} (16x16) are the encoder's first two stages.
     */
    String decodeHole(GraphBuilder g, String decoder8x8, String enc1, String enc2) {
        return upsample(g, "up2", convBnRelu(g, "dec2", 128, decoder8x8));
    }

}
