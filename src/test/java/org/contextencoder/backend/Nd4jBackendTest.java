package org.contextencoder.backend;

import org.deeplearning4j.config.DL4JSystemProperties;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.LayerHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.lang.reflect.Field;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class Nd4jBackendTest {
    private static final long SEED = 7;

    @BeforeAll
    static void cpuBackendConfigured() {
        assumeTrue("CPU".equalsIgnoreCase(Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend")),
                "oneDNN helpers exist only on the CPU backend");
        Nd4jBackend.configure();
    }

    @Test
    void configureEnablesAllOneDnnHelpers() {
        assertTrue(Nd4jBackend.oneDnnHelpersActive());
        assertEquals(4, Nd4jBackend.activeOneDnnHelpers().size(), Nd4jBackend.activeOneDnnHelpers().toString());
    }

    @Test
    void layersGetOneDnnHelpersAndRunThem() throws ReflectiveOperationException {
        MultiLayerNetwork net = SmallConvNet.build(SEED);
        LayerHelper conv = net.getLayer(SmallConvNet.CONV).getHelper();
        LayerHelper bn = net.getLayer(SmallConvNet.BN).getHelper();
        LayerHelper pool = net.getLayer(SmallConvNet.POOL).getHelper();
        assertInstanceOf(MKLDNNConvHelper.class, conv);
        assertInstanceOf(MKLDNNBatchNormHelper.class, bn);
        assertInstanceOf(MKLDNNSubsamplingHelper.class, pool);

        net.fit(input(), target());

        // Each helper creates its native op context the first time it actually executes, forward or backward.
        assertNotNull(field(conv, MKLDNNConvHelper.class, "context"), "conv forward ran through oneDNN");
        assertNotNull(field(conv, MKLDNNConvHelper.class, "contextBwd"), "conv backward ran through oneDNN");
        assertNotNull(field(bn, MKLDNNBatchNormHelper.class, "context"), "batch norm ran through oneDNN");
        // Pooling has no such witness: M2.1's SubsamplingLayer always runs the native maxpool2d op forward and its
        // helper's backward op keeps no context.
    }

    @Test
    void helpersGiveTheSameResultsAsThePlainPath() {
        MultiLayerNetwork plain = buildWithHelpersDisabled();
        MultiLayerNetwork fast = SmallConvNet.build(SEED);
        assertNull(plain.getLayer(SmallConvNet.CONV).getHelper(), "plain net must not use helpers");
        assertNotNull(fast.getLayer(SmallConvNet.CONV).getHelper());
        assertEquals(plain.params(), fast.params(), "same seed, same initial parameters");
        INDArray x = input();
        INDArray y = target();

        assertClose(plain.output(x, false), fast.output(x, false), 1e-5, "inference output");
        assertClose(plain.output(x, true), fast.output(x, true), 1e-5, "training-mode output");

        plain.setInput(x);
        plain.setLabels(y);
        fast.setInput(x);
        fast.setLabels(y);
        plain.computeGradientAndScore();
        fast.computeGradientAndScore();
        assertEquals(plain.score(), fast.score(), 1e-5 * Math.abs(plain.score()), "loss");
        // Relative to the largest gradient: the conv bias ahead of batch norm has a true gradient of 0 (pure noise).
        double scale = plain.gradient().gradient().amaxNumber().doubleValue();
        for (Map.Entry<String, INDArray> g : plain.gradient().gradientForVariable().entrySet()) {
            assertClose(g.getValue(), gradient(fast.gradient(), g.getKey()), 1e-5 * scale, "gradient " + g.getKey());
        }

        for (int i = 0; i < 3; i++) {
            plain.fit(x, y);
            fast.fit(x, y);
        }
        for (Map.Entry<String, INDArray> p : plain.paramTable().entrySet()) {
            assertClose(p.getValue(), fast.paramTable().get(p.getKey()), 1e-5, "after 3 SGD steps " + p.getKey());
        }
        assertClose(plain.output(x, false), fast.output(x, false), 1e-5, "inference output after training");
    }

    private static MultiLayerNetwork buildWithHelpersDisabled() {
        String key = DL4JSystemProperties.DISABLE_HELPER_PROPERTY;
        String previous = System.getProperty(key);
        System.setProperty(key, "true");
        try {
            return SmallConvNet.build(SEED);
        } finally {
            System.setProperty(key, previous);
        }
    }

    private static INDArray gradient(Gradient g, String key) {
        INDArray v = g.gradientForVariable().get(key);
        assertNotNull(v, key);
        return v;
    }

    private static void assertClose(INDArray expected, INDArray actual, double tolerance, String what) {
        assertEquals(expected.shapeInfoToString(), actual.shapeInfoToString(), what);
        double maxDiff = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(maxDiff <= tolerance, what + ": max |difference| " + maxDiff + " > " + tolerance);
    }

    private static INDArray input() {
        Nd4j.getRandom().setSeed(11);
        return Nd4j.rand(DataType.FLOAT, 4, 3, 16, 16);
    }

    private static INDArray target() {
        Nd4j.getRandom().setSeed(12);
        return Nd4j.rand(DataType.FLOAT, 4, 3, 16, 16);
    }

    private static Object field(Object target, Class<?> owner, String name) throws ReflectiveOperationException {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(target);
    }
}
