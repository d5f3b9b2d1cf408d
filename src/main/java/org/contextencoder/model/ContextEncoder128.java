package org.contextencoder.model;

import org.contextencoder.mask.HoleFill;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.nd4j.linalg.learning.config.IUpdater;

import static org.contextencoder.model.Layers.concat;
import static org.contextencoder.model.Layers.convBnRelu;
import static org.contextencoder.model.Layers.crop;
import static org.contextencoder.model.Layers.pool;
import static org.contextencoder.model.Layers.upsample;

/**
 * The paper's 128x128 model (section 2.3), {@link Architecture#UNET128}: a U-Net from the 128x128x3 image to its 32x32x3 centre.
 * <pre>
 * enc1 Conv 64  + BN + ReLU  128x128, pool -> 64
 * enc2 Conv 128 + BN + ReLU   64x64,  pool -> 32
 * enc3 Conv 256 + BN + ReLU   32x32,  pool -> 16
 * enc4 Conv 512 + BN + ReLU   16x16,  pool -> 8      (8x8x512)
 * bottleneck Conv 512 + BN + ReLU  8x8
 * dec4 Conv 256 on [up(bottleneck), enc4]        16x16  (whole image at 1/8)
 * dec3 Conv 128 on [up(dec4), enc3]              32x32  (whole image at 1/4)
 *      crop the central 8x8 of dec3              8x8    (the hole at 1/4)
 * dec2 Conv 64  on [up(crop), centre 16x16 of enc2]  16x16  (the hole at 1/2)
 * dec1 Conv 32  on [up(dec2), centre 32x32 of enc1]  32x32  (the hole at full scale)
 * Conv 3 sigmoid                                 32x32x3
 * </pre>
 * The skip connections concatenate encoder levels of the matching scale. Once the decoder narrows from the
 * whole image to the hole, the skips are cropped to the same region, so every feature it joins describes the
 * same pixels: the hole's border, where the known context meets the prediction, stays sharp.
 */
public final class ContextEncoder128 extends Architecture {

    public static final int IMAGE_SIZE = 128;
    public static final int PATCH_SIZE = 32;

    /**
     * Harmonic fill, since its skips see the hole's cover at full resolution (see {@link UNet32}). A training batch
     * of 16, as each 128 px image takes about 30 times the arithmetic of a 32 px one; inference at 64, where its
     * activations already take about 0.27 GB per layer.
     */
    ContextEncoder128() {
        super("unet128", IMAGE_SIZE, PATCH_SIZE, HoleFill.Choice.HARMONIC, 16, 64);
    }

    /** The decoder's crops scale with the hole: any multiple of 4 below the image (the paper's 32 and 64). */
    @Override
    public void requireHole(int hole) {
        if (hole % 4 != 0 || hole <= 0 || hole >= IMAGE_SIZE) {
            throw new IllegalArgumentException("the 128x128 model needs a hole that is a multiple of 4 below 128"
                    + " (the paper's are 32 and 64), not " + hole);
        }
    }

    @Override
    public ComputationGraphConfiguration configuration(long seed, IUpdater updater, double weightDecay, int hole,
                                                       Layout layout) {
        requireHole(hole);
        GraphBuilder g = Layers.graph(seed, updater, weightDecay, layout, IMAGE_SIZE);

        String enc1 = convBnRelu(g, "enc1", 64, layout.entry(), "image");
        String enc2 = convBnRelu(g, "enc2", 128, pool(g, "pool1", enc1));
        String enc3 = convBnRelu(g, "enc3", 256, pool(g, "pool2", enc2));
        String enc4 = convBnRelu(g, "enc4", 512, pool(g, "pool3", enc3));
        String bottleneck = convBnRelu(g, "bottleneck", 512, pool(g, "pool4", enc4));

        String dec4 = convBnRelu(g, "dec4", 256, concat(g, "cat4", upsample(g, "up4", bottleneck), enc4));
        String dec3 = convBnRelu(g, "dec3", 128, concat(g, "cat3", upsample(g, "up3", dec4), enc3));
        // With the 32 px hole: dec3 32 -> central 8, enc2 64 -> central 16, enc1 128 -> central 32.
        String centre = crop(g, "hole", dec3, (IMAGE_SIZE / 4 - hole / 4) / 2);
        String dec2 = convBnRelu(g, "dec2", 64, concat(g, "cat2", upsample(g, "up2", centre),
                crop(g, "enc2_hole", enc2, (IMAGE_SIZE / 2 - hole / 2) / 2)));
        String dec1 = convBnRelu(g, "dec1", 32, concat(g, "cat1", upsample(g, "up1", dec2),
                crop(g, "enc1_hole", enc1, (IMAGE_SIZE - hole) / 2)));
        Layers.sigmoidPatchWithMse(g, dec1, hole, layout);
        return g.build();
    }

}
