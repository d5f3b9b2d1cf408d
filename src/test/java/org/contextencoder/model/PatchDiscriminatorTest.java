package org.contextencoder.model;

import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatchDiscriminatorTest {

    /** 4x4 convolution, with a bias unless batch norm follows (gamma, beta, mean, variance per channel). */
    private static long conv(int in, int out, boolean normalised) {
        return 16L * in * out + (normalised ? 4L * out : out);
    }

    private static List<String> layers(MultiLayerNetwork g) {
        return Arrays.stream(g.getLayers()).map(l -> l.conf().getLayer().getLayerName()).toList();
    }

    @Test
    void the16pxPatchIsHalvedTwiceToFourByFourThenScored() {
        MultiLayerNetwork d = PatchDiscriminator.build(16, 1, 1e-3).network();
        assertEquals(List.of("conv1", "lrelu1", "conv2", "bn2", "lrelu2", "score"), layers(d));
        assertEquals(conv(3, 64, false) + conv(64, 128, true) + (4 * 4 * 128 + 1), d.numParams());
        assertArrayEquals(new long[]{5, 1}, d.output(Nd4j.rand(5, 3, 16, 16)).shape());

        ConvolutionLayer conv2 = (ConvolutionLayer) d.getLayer("conv2").conf().getLayer();
        assertArrayEquals(new int[]{4, 4}, conv2.getKernelSize());
        assertArrayEquals(new int[]{2, 2}, conv2.getStride());
        assertEquals(0.2, ((ActivationLReLU) ((org.deeplearning4j.nn.conf.layers.ActivationLayer)
                d.getLayer("lrelu2").conf().getLayer()).getActivationFn()).getAlpha());
        Adam adam = (Adam) conv2.getIUpdater();
        assertEquals(0.5, adam.getBeta1());
        assertEquals(1e-4, adam.getLearningRate(), 1e-12, "a tenth of the generator's rate");
    }

    @Test
    void the128pxModelsLargerPatchGetsAThirdHalving() {
        MultiLayerNetwork d = PatchDiscriminator.build(32, 1, 1e-3).network();
        assertTrue(d.getLayer("bn3").conf().getLayer() instanceof BatchNormalization);
        assertEquals(conv(3, 64, false) + conv(64, 128, true) + conv(128, 256, true) + (4 * 4 * 256 + 1),
                d.numParams());
        assertArrayEquals(new long[]{2, 1}, d.output(Nd4j.rand(2, 3, 32, 32)).shape());
    }

    @Test
    void aPatchTooSmallToHalveIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PatchDiscriminator.build(4, 1, 1e-3));
        assertTrue(e.getMessage().contains("more than 4 px"), e.getMessage());
    }
}
