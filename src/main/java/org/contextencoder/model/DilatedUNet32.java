package org.contextencoder.model;

import org.contextencoder.mask.HoleFill;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.nd4j.linalg.learning.config.IUpdater;

import static org.contextencoder.model.Layers.convBnRelu;
import static org.contextencoder.model.Layers.crop;
import static org.contextencoder.model.Layers.dilatedConvBnRelu;
import static org.contextencoder.model.Layers.upsample;

/**
 * {@link Architecture#DILATED32}: the paper's future work (section 4.2), a 32 px model without the dense bottleneck
 * that holds 16.8 M of {@link Architecture#CE32}'s 18 M parameters. The whole image stays a feature map: at 8x8,
 * dilated convolutions (Iizuka et al. 2017) give every position a view of the whole image, where the paper's model
 * needs a dense layer for that; the decoder is {@link UNet32}'s, with the skips cropped to the hole.
 * <pre>
 * enc1..enc3 as CE32 without its last pool            32 -> 8x8x256 (the whole image at 1/4)
 * dil2 Conv 256, dilation 2 + BN + ReLU               8x8   taps 2 apart
 * dil4 Conv 256, dilation 4 + BN + ReLU               8x8   taps 4 apart: now every position sees all 8x8
 * mix  Conv 256 + BN + ReLU                           8x8
 *      crop the centre 4x4, up 2x                     8x8   (the hole at 1/2)
 * dec2, dec3 and the output as UNET32                 16x16x3
 * </pre>
 * No dilation of 8: on an 8x8 map the outer taps of such a kernel fall outside the map for every position, so it
 * would be a 1x1 convolution with 8 of its 9 weights unused. About 2.7 M parameters, 6.7x fewer than CE32.
 */
public final class DilatedUNet32 extends ContextEncoder32 {

    private static final int[] DILATIONS = {2, 4};

    /** Harmonic fill, as {@link UNet32}: its skips see the hole's cover at full resolution. */
    DilatedUNet32() {
        super("dilated32", HoleFill.Choice.HARMONIC);
    }

    @Override
    public ComputationGraphConfiguration configuration(long seed, IUpdater updater, double weightDecay, int hole,
                                                       Layout layout) {
        requireHole(hole);
        GraphBuilder g = Layers.graph(seed, updater, weightDecay, layout, IMAGE_SIZE);
        String x = encodeTo8x8(g, layout);
        for (int d : DILATIONS) x = dilatedConvBnRelu(g, "dil" + d, 256, d, layout, x);
        x = upsample(g, "up1", crop(g, "hole", convBnRelu(g, "mix", 256, x), 2));
        Layers.sigmoidPatchWithMse(g, UNet32.decodeWithSkips(g, x, ENC1, ENC2), PATCH_SIZE, layout);
        return g.build();
    }
}
