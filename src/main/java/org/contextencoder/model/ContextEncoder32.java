package org.contextencoder.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.IUpdater;

import static org.contextencoder.model.Layers.concat;
import static org.contextencoder.model.Layers.convBnRelu;
import static org.contextencoder.model.Layers.crop;
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
 * Every pixel of the patch comes through the 4096-unit bottleneck, which keeps the image's gist but loses where
 * exactly an edge meets the hole. {@link Architecture#UNET32} adds the 128 px model's remedy: skip connections
 * from the encoder, cropped to the hole, so the decoder also sees the hole's border at full resolution.
 * <pre>
 * dec2 Conv 128 on [up(dec1), centre 8x8 of enc2]     8x8    (the hole at 1/2)
 * dec3 Conv 64  on [up(dec2), centre 16x16 of enc1]  16x16   (the hole at full scale)
 * Conv 3 sigmoid                                     16x16x3
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
        return configuration(seed, updater, weightDecay, Layout.CHANNELS_LAST, false);
    }

    /** {@code holeSkips}: join the encoder's view of the hole to the decoder ({@link Architecture#UNET32}). */
    static ComputationGraphConfiguration configuration(long seed, IUpdater updater, double weightDecay, Layout layout,
                                                       boolean holeSkips) {
        GraphBuilder g = Layers.graph(seed, updater, weightDecay, layout, IMAGE_SIZE);

        String enc1 = convBnRelu(g, "enc1", 64, layout.entry(), "image");
        String enc2 = convBnRelu(g, "enc2", 128, pool(g, "pool1", enc1));
        String x = pool(g, "pool3", convBnRelu(g, "enc3", 256, pool(g, "pool2", enc2)));
        g.addLayer("bottleneck", layout.dense(BOTTLENECK_UNITS, Activation.RELU),
                layout.flatten(4, 4, 256), x);

        // The reshape back to 4x4x256 must be explicit: DL4J cannot infer a dense -> conv shape.
        x = upsample(g, "up1", convBnRelu(g, "dec1", 256, layout.unflatten(4, 4, 256), "bottleneck"));
        if (holeSkips) {
            // The hole, 16x16 in the image, is the centre 8x8 of enc2 (16x16) and the centre 16x16 of enc1.
            x = upsample(g, "up2", convBnRelu(g, "dec2", 128, concat(g, "cat2", x, crop(g, "enc2_hole", enc2, 4))));
            x = convBnRelu(g, "dec3", 64, concat(g, "cat3", x, crop(g, "enc1_hole", enc1, 8)));
        } else {
            x = upsample(g, "up2", convBnRelu(g, "dec2", 128, x));
        }
        Layers.sigmoidPatchWithMse(g, x, PATCH_SIZE, layout);
        return g.build();
    }
}
