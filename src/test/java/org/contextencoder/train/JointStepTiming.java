package org.contextencoder.train;

import org.contextencoder.model.Architecture;
import org.contextencoder.model.ChannelOrder;
import org.contextencoder.model.ContextDiscriminator;
import org.contextencoder.model.InpaintingModel;
import org.contextencoder.model.PatchDiscriminator;
import org.contextencoder.mask.HoleFill;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A measurement, not a test: one training step of the 32 px generator at batch 64, timed round-robin so that a
 * busy machine slows every variant alike. L2 ({@code fit}); the joint step with external errors ({@link JointStep}),
 * with the patch discriminator and with the context one; and the combined-graph pattern: the discriminator's layers
 * appended to the generator as FrozenLayerWithBackprop, their weights copied in before each step, plus the
 * generator's forward pass again for the patches the discriminator then trains on (DL4J's GAN example); its
 * discriminator has no batch norm, which DL4J cannot freeze. Components timed alone too.
 * Settings as system properties: arch (ce32), batch (64), rounds (12).
 */
public final class JointStepTiming {

    public static void main(String[] args) {
        Architecture arch = Architecture.parse(System.getProperty("arch", "ce32"));
        int n = Integer.getInteger("batch", 64);
        int rounds = Integer.getInteger("rounds", 12);
        int hole = arch.defaultHole();
        int s = arch.imageSize();
        Nd4j.getRandom().setSeed(1);
        INDArray x = Nd4j.rand(DataType.FLOAT, n, 3, s, s);
        INDArray y = Nd4j.rand(DataType.FLOAT, n, 3L * hole * hole);
        INDArray ones = Nd4j.ones(DataType.FLOAT, n, 1);
        HoleFill cover = new HoleFill.Solid(new float[]{0.5f, 0.5f, 0.5f});

        ComputationGraph l2 = arch.build(1, new Adam(1e-3), 0, hole);
        InpaintingModel jointModel = new InpaintingModel(arch.build(1, new Adam(1e-3), 0, hole), arch, hole, cover);
        PatchDiscriminator d = PatchDiscriminator.build(hole, 1, 1e-3);
        JointStep joint = new JointStep(jointModel, d, 0.001);
        JointStep withContext = new JointStep(new InpaintingModel(arch.build(1, new Adam(1e-3), 0, hole), arch, hole,
                cover), ContextDiscriminator.build(s, hole, 1, 1e-3), 0.001);
        Adversary adversary = new Adversary(d);
        ComputationGraph combined = combined(arch.build(1, new Adam(1e-3), 0, hole), d.network());

        Map<String, Runnable> variants = new LinkedHashMap<>();
        variants.put("l2 fit", () -> l2.fit(new DataSet(x, y)));
        variants.put("joint, external errors", () -> joint.step(x, y));
        variants.put("joint, context discriminator", () -> withContext.step(x, y));
        variants.put("joint, combined graph", () -> {
            copyDiscriminator(d.network(), combined);
            combined.fit(new MultiDataSet(new INDArray[]{x}, new INDArray[]{y, ones}));
            adversary.train(x, y, combined.output(false, x)[0]);
        });
        variants.put("  combined graph's fit alone",
                () -> combined.fit(new MultiDataSet(new INDArray[]{x}, new INDArray[]{y, ones})));
        variants.put("  combined graph's output", () -> combined.output(false, x));
        variants.put("  generator forward (train)", () -> jointModel.graph().feedForward(x, true));
        variants.put("  discriminator verdict", () -> adversary.judge(x, y));
        variants.put("  discriminator update", () -> adversary.train(x, y, y));

        Map<String, List<Double>> times = new LinkedHashMap<>();
        variants.keySet().forEach(k -> times.put(k, new ArrayList<>()));
        for (int r = 0; r < rounds + 2; r++) {
            for (Map.Entry<String, Runnable> v : variants.entrySet()) {
                long start = System.nanoTime();
                v.getValue().run();
                if (r >= 2) times.get(v.getKey()).add((System.nanoTime() - start) / 1e6); // two rounds of warm-up
            }
        }
        System.out.printf(Locale.ROOT, "%s, batch %d, %d rounds: median ms (min)%n", arch.id(), n, rounds);
        times.forEach((k, t) -> {
            List<Double> sorted = t.stream().sorted().toList();
            System.out.printf(Locale.ROOT, "%-30s %7.0f (%.0f)%n", k, sorted.get(sorted.size() / 2), sorted.get(0));
        });
    }

    /**
     * The generator with the discriminator appended after its patch, frozen but passing gradients back, and a
     * second output: MSE of the score against 1.
     */
    private static ComputationGraph combined(ComputationGraph generator, MultiLayerNetwork discriminator) {
        MultiLayerConfiguration dc = discriminator.getLayerWiseConfigurations();
        TransferLearning.GraphBuilder b = new TransferLearning.GraphBuilder(generator);
        String x = "patch";
        for (int i = 0; i < dc.getConfs().size(); i++) {
            // Frozen batch norm fails in DL4J 1.0.0-M2.1: FrozenLayerWithBackprop runs its forward pass in inference
            // mode, then its backward pass reads batch statistics never computed (a NullPointerException in the
            // oneDNN helper). For timing, the combined graph goes without.
            if (dc.getConf(i).getLayer() instanceof BatchNormalization) continue;
            InputPreProcessor pre = i == 0 ? ChannelOrder.toFirst() : dc.getInputPreProcess(i);
            FrozenLayerWithBackprop frozen = new FrozenLayerWithBackprop(dc.getConf(i).getLayer().clone());
            if (pre == null) {
                b.addLayer("d" + i, frozen, x);
            } else {
                b.addLayer("d" + i, frozen, pre, x);
            }
            x = "d" + i;
        }
        b.addLayer("adv", new LossLayer.Builder(LossFunction.MSE).activation(Activation.IDENTITY).build(), x);
        return withFastBatchNorm(b.setOutputs("mse", "adv").build());
    }

    /** The generators' own batch-norm helper, which Architecture.build installs and TransferLearning drops. */
    private static ComputationGraph withFastBatchNorm(ComputationGraph graph) {
        try {
            Method install = Class.forName("org.contextencoder.model.ChannelsLastBatchNorm")
                    .getDeclaredMethod("install", ComputationGraph.class);
            install.setAccessible(true);
            return (ComputationGraph) install.invoke(null, graph);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyDiscriminator(MultiLayerNetwork from, ComputationGraph into) {
        for (int i = 0; i < from.getnLayers(); i++) {
            if (from.getLayer(i).numParams() > 0 && into.getVertex("d" + i) != null) into.getLayer("d" + i).params().assign(from.getLayer(i).params());
        }
    }
}
