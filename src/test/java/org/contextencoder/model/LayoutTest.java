package org.contextencoder.model;

import org.contextencoder.backend.Nd4jBackend;
import org.deeplearning4j.config.DL4JSystemProperties;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast layout (NHWC, cached convolution outputs, {@link ChannelsLastBatchNorm}) against channels-first
 * references with the same parameters: the same outputs, gradients and training steps.
 */
class LayoutTest {
    private static final long SEED = 11;

    @BeforeAll
    static void helpersOn() {
        Nd4jBackend.configure();
    }

    /**
     * Against DL4J's channels-first network with its oneDNN helpers (the previous default): float rounding only.
     * Gradients are sums over every pixel of the batch (32,768 terms for enc1 of the 128 px model), summed in
     * another order, hence a tolerance of 1e-4 of the largest gradient.
     */
    @ParameterizedTest(name = "{0}, batch {1}")
    @CsvSource({"CE32, 6", "UNET32, 4", "UNET128, 2", "DILATED32, 4"})
    void theFastLayoutComputesWhatTheChannelsFirstNetworkComputes(Architecture architecture, int batch) {
        ComputationGraph reference = architecture.build(SEED, new Sgd(0.1), 0, architecture.defaultHole(),
                Layout.CHANNELS_FIRST);
        assertInstanceOf(MKLDNNBatchNormHelper.class, ((BatchNormalization) reference.getLayer("enc1_bn")).getHelper());
        assertSameComputation(reference, architecture, batch, 1e-4);
    }

    /**
     * Against DL4J's own kernels, no helpers at all. Outputs agree to float rounding; in the 32 px model a few
     * gradients differ by up to 0.1% of the largest, exactly as they do for the channels-first oneDNN network,
     * because oneDNN and DL4J round differently and ReLU's kink passes or stops a value on either side of 0.
     */
    @ParameterizedTest(name = "{0}, batch {1}")
    @CsvSource({"CE32, 6, 2e-3", "UNET128, 2, 1e-4", "DILATED32, 4, 1e-4"})
    void theFastLayoutComputesWhatThePlainPathComputes(Architecture architecture, int batch, double gradientTolerance) {
        ComputationGraph plain = plainReference(architecture);
        assertNull(plain.getLayer("enc1_conv").getHelper(), "the reference runs DL4J's own implementation");
        assertSameComputation(plain, architecture, batch, gradientTolerance);
    }

    private static void assertSameComputation(ComputationGraph reference, Architecture architecture, int batch,
                                              double gradientTolerance) {
        ComputationGraph fast = architecture.build(SEED, new Sgd(0.1), 0, architecture.defaultHole());
        assertInstanceOf(ChannelsLastBatchNorm.class, ((BatchNormalization) fast.getLayer("enc1_bn")).getHelper());
        assertEquals(reference.params(), fast.params(), "same seed, same parameters, in the same order");

        Nd4j.getRandom().setSeed(SEED);
        int s = architecture.imageSize();
        int hole = architecture.defaultHole();
        INDArray x = Nd4j.rand(DataType.FLOAT, batch, 3, s, s);
        INDArray y = Nd4j.rand(DataType.FLOAT, batch, 3L * hole * hole);

        assertClose(reference.outputSingle(false, x), fast.outputSingle(false, x), 1e-5, "inference output");
        assertClose(reference.outputSingle(true, x), fast.outputSingle(true, x), 1e-5, "training-mode output");

        reference.setInputs(x);
        reference.setLabels(y);
        fast.setInputs(x);
        fast.setLabels(y);
        reference.computeGradientAndScore();
        fast.computeGradientAndScore();
        assertEquals(reference.score(), fast.score(), 1e-5 * reference.score(), "loss");
        // Relative to the largest gradient: a conv bias ahead of batch norm has a true gradient of 0 (pure noise).
        double scale = reference.gradient().gradient().amaxNumber().doubleValue();
        for (Map.Entry<String, INDArray> g : reference.gradient().gradientForVariable().entrySet()) {
            assertClose(g.getValue(), fast.gradient().gradientForVariable().get(g.getKey()), gradientTolerance * scale,
                    "gradient " + g.getKey());
        }

        for (int i = 0; i < 3; i++) {
            reference.fit(new INDArray[]{x}, new INDArray[]{y});
            fast.fit(new INDArray[]{x}, new INDArray[]{y});
        }
        // Parameters include the batch-norm running mean and variance, which the helper's statistics update.
        for (Map.Entry<String, INDArray> p : reference.paramTable().entrySet()) {
            assertClose(p.getValue(), fast.paramTable().get(p.getKey()), 1e-4, "after 3 SGD steps " + p.getKey());
        }
        assertClose(reference.outputSingle(false, x), fast.outputSingle(false, x), 1e-4, "inference after training");
    }

    private static ComputationGraph plainReference(Architecture architecture) {
        String key = DL4JSystemProperties.DISABLE_HELPER_PROPERTY;
        String previous = System.getProperty(key);
        System.setProperty(key, "true");
        try {
            return architecture.build(SEED, new Sgd(0.1), 0, architecture.defaultHole(), Layout.CHANNELS_FIRST);
        } finally {
            if (previous == null) System.clearProperty(key);
            else System.setProperty(key, previous);
        }
    }

    private static void assertClose(INDArray expected, INDArray actual, double tolerance, String what) {
        assertEquals(expected.length(), actual.length(), what);
        double maxDiff = expected.reshape(expected.length()).sub(actual.reshape(actual.length()))
                .amaxNumber().doubleValue();
        assertTrue(maxDiff <= tolerance, what + ": max |difference| " + maxDiff + " > " + tolerance);
    }
}
