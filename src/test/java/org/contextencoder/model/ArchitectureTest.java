package org.contextencoder.model;

import org.contextencoder.mask.HoleFill;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchitectureTest {

    /** conv k*k*in*out + out bias; BatchNorm keeps gamma, beta, mean and variance per channel. */
    private static long conv(int in, int out) {
        return 9L * in * out + out;
    }

    private static long bn(int channels) {
        return 4L * channels;
    }

    /** The weight average and the like work on copies: a copy must be the same network, every skip included. */
    @Test
    void aCopyOfEveryModelPredictsAsTheModelAndOwnsItsWeights() {
        for (Architecture a : Architectures.all()) {
            int s = a.imageSize();
            InpaintingModel model = new InpaintingModel(a.build(3, new Adam(1e-3), 0, a.defaultHole()), a,
                    a.defaultHole(), new HoleFill.Harmonic());
            float[] images = Nd4j.rand(2, 3, s, s).data().asFloat();
            InpaintingModel copy = model.copy();
            assertArrayEquals(model.predict(images, 2), copy.predict(images, 2), 1e-5f, a.id());
            copy.graph().params().addi(1);
            assertTrue(model.graph().params().equalsWithEps(copy.graph().params().sub(1), 1e-5), a.id());
            assertTrue(Arrays.equals(model.predict(images, 2), model.predict(images, 2)));
            assertTrue(!Arrays.equals(model.predict(images, 2), copy.predict(images, 2)), a.id() + ": its own weights");
        }
    }

    @Test
    void the32pxModelHasThePapersLayersAndParameters() {
        ComputationGraph g = Architecture.CE32.build(1, new Adam(1e-3), 0, 16);
        long expected = conv(3, 64) + bn(64) + conv(64, 128) + bn(128) + conv(128, 256) + bn(256)
                + (4096L * 4096 + 4096)
                + conv(256, 256) + bn(256) + conv(256, 128) + bn(128) + conv(128, 3);
        assertEquals(expected, g.numParams());
        INDArray out = g.outputSingle(false, Nd4j.rand(2, 3, 32, 32));
        assertArrayEquals(new long[]{2, 3 * 16 * 16}, out.shape());
        assertTrue(out.minNumber().doubleValue() >= 0 && out.maxNumber().doubleValue() <= 1, "sigmoid output");
    }

    @Test
    void the32pxUNetAddsSkipsFromTheHoleAndAThirdDecoderStage() {
        ComputationGraph g = Architecture.UNET32.build(1, new Adam(1e-3), 0, 16);
        long expected = conv(3, 64) + bn(64) + conv(64, 128) + bn(128) + conv(128, 256) + bn(256)
                + (4096L * 4096 + 4096)
                + conv(256, 256) + bn(256) + conv(256 + 128, 128) + bn(128) + conv(128 + 64, 64) + bn(64)
                + conv(64, 3);
        assertEquals(expected, g.numParams());
        assertArrayEquals(new long[]{2, 3 * 16 * 16}, g.outputSingle(false, Nd4j.rand(2, 3, 32, 32)).shape());
        assertEquals(Architecture.UNET32, Architecture.parse(" UNet32"));
        assertEquals(Architecture.CE32, Architecture.forImageSize(32), "the paper's model is the default");
    }

    @Test
    void theDilatedModelHasNoDenseBottleneckAndAtLeastFiveTimesFewerParametersThanThePapers() {
        ComputationGraph g = Architecture.DILATED32.build(1, new Adam(1e-3), 0, 16);
        long expected = conv(3, 64) + bn(64) + conv(64, 128) + bn(128) + conv(128, 256) + bn(256)
                + 3 * (conv(256, 256) + bn(256))
                + conv(256 + 128, 128) + bn(128) + conv(128 + 64, 64) + bn(64) + conv(64, 3);
        assertEquals(expected, g.numParams());
        long paper = Architecture.CE32.build(1, new Adam(1e-3), 0, 16).numParams();
        System.out.printf("dilated32 %,d parameters, ce32 %,d: %.1fx fewer%n", g.numParams(), paper,
                (double) paper / g.numParams());
        assertTrue(5 * g.numParams() <= paper, g.numParams() + " against " + paper);
        assertTrue(g.getLayers().length > 0 && Arrays.stream(g.getLayers())
                .noneMatch(l -> l.conf().getLayer() instanceof DenseLayer), "no dense layer");
        INDArray out = g.outputSingle(false, Nd4j.rand(2, 3, 32, 32));
        assertArrayEquals(new long[]{2, 3 * 16 * 16}, out.shape());
        assertTrue(out.minNumber().doubleValue() >= 0 && out.maxNumber().doubleValue() <= 1, "sigmoid output");
        assertEquals(HoleFill.Choice.HARMONIC, Architecture.DILATED32.defaultFill());
        assertThrows(IllegalArgumentException.class, () -> Architecture.DILATED32.build(1, new Adam(1e-3), 0, 8));
    }

    @Test
    void the128pxUNetPredictsTheCentreWithCroppedSkips() {
        ComputationGraph g = Architecture.UNET128.build(1, new Adam(1e-3), 0, 32);
        long expected = conv(3, 64) + bn(64) + conv(64, 128) + bn(128) + conv(128, 256) + bn(256)
                + conv(256, 512) + bn(512) + conv(512, 512) + bn(512)
                + conv(512 + 512, 256) + bn(256) + conv(256 + 256, 128) + bn(128)
                + conv(128 + 128, 64) + bn(64) + conv(64 + 64, 32) + bn(32) + conv(32, 3);
        assertEquals(expected, g.numParams());
        INDArray out = g.outputSingle(false, Nd4j.rand(1, 3, 128, 128));
        assertArrayEquals(new long[]{1, 3 * 32 * 32}, out.shape());
    }

    @Test
    void the128pxModelAlsoTakesThePapersLargerHole() {
        ComputationGraph g = Architecture.UNET128.build(1, new Adam(1e-3), 0, 64);
        assertArrayEquals(new long[]{1, 3 * 64 * 64}, g.outputSingle(false, Nd4j.rand(1, 3, 128, 128)).shape());
    }

    @Test
    void unsupportedHolesAreRefusedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Architecture.CE32.build(1, new Adam(1e-3), 0, 8));
        assertTrue(e.getMessage().contains("16x16"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Architecture.UNET128.build(1, new Adam(1e-3), 0, 30));
        assertThrows(IllegalArgumentException.class, () -> Architecture.UNET32.build(1, new Adam(1e-3), 0, 8));
        assertEquals(Architecture.UNET128, Architecture.forImageSize(128));
    }
}
