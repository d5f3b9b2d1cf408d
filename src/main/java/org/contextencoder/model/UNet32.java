package org.contextencoder.model;

import org.contextencoder.mask.HoleFill;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;

import static org.contextencoder.model.Layers.concat;
import static org.contextencoder.model.Layers.convBnRelu;
import static org.contextencoder.model.Layers.crop;
import static org.contextencoder.model.Layers.upsample;

/**
 * {@link Architecture#UNET32}: the paper's 32x32 model with the 128 px model's remedy for the bottleneck's blur,
 * skip connections from the encoder cropped to the hole, so the decoder also sees the hole's border at full
 * resolution.
 * <pre>
 * dec2 Conv 128 on [up(dec1), centre 8x8 of enc2]     8x8    (the hole at 1/2)
 * dec3 Conv 64  on [up(dec2), centre 16x16 of enc1]  16x16   (the hole at full scale)
 * Conv 3 sigmoid                                     16x16x3
 * </pre>
 */
public final class UNet32 extends ContextEncoder32 {

    /**
     * The models with skip connections from the hole see its cover at full resolution, so its harmonic fill gives
     * them the border's colours to build on (validation masked MSE against the mean colour: UNET32 on trucks 0.0293
     * against 0.0318 after two epochs, UNET128 on the landmark photos 0.0249 against 0.0274 after one); through the
     * 32 px model's dense bottleneck it makes no difference (0.0397 against 0.0394 after one).
     */
    UNet32() {
        super("unet32", HoleFill.Choice.HARMONIC);
    }

    /** Its skips are cropped to the centre, where the hole must be. */
    @Override
    public boolean findsHoleAnywhere() {
        return false;
    }

    /** The hole, 16x16 in the image, is the centre 8x8 of enc2 (16x16) and the centre 16x16 of enc1 (32x32). */
    @Override
    String decodeHole(GraphBuilder g, String decoder8x8, String enc1, String enc2) {
        return decodeWithSkips(g, decoder8x8, enc1, enc2);
    }

    /** The decoder's last stages with the skips cropped to the hole; {@code hole8x8} is the hole at half scale. */
    static String decodeWithSkips(GraphBuilder g, String hole8x8, String enc1, String enc2) {
        String x = upsample(g, "up2", convBnRelu(g, "dec2", 128,
                concat(g, "cat2", hole8x8, crop(g, "enc2_hole", enc2, 4))));
        return convBnRelu(g, "dec3", 64, concat(g, "cat3", x, crop(g, "enc1_hole", enc1, 8)));
    }
}
