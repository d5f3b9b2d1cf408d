package org.contextencoder.train;

import org.contextencoder.mask.HoleFill;
import org.contextencoder.model.Architecture;
import org.contextencoder.model.ContextDiscriminator;
import org.contextencoder.model.Discriminator;
import org.contextencoder.model.InpaintingModel;
import org.contextencoder.model.ModelFile;
import org.contextencoder.model.PatchDiscriminator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JointStepTest {

    private static final int N = 4;
    private static final int PATCH = 16;

    @AfterEach
    void backToFloat() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    /**
     * A generator small enough for finite differences that ends as the real ones do: one 3x3 convolution of
     * stride 2 from the 32 px image to a 16 px sigmoid patch, and MSE on the flattened patch.
     */
    private static ComputationGraph tinyGenerator(IUpdater updater, DataType type) {
        ComputationGraph g = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(2).dataType(type)
                .updater(updater).weightInit(WeightInit.XAVIER).graphBuilder()
                .addInputs("image").setInputTypes(InputType.convolutional(32, 32, 3))
                .addLayer("patch", new ConvolutionLayer.Builder(3, 3).stride(2, 2).nOut(3)
                        .convolutionMode(ConvolutionMode.Same).activation(Activation.SIGMOID).build(), "image")
                .addLayer("mse", new LossLayer.Builder(LossFunction.MSE).activation(Activation.IDENTITY).build(),
                        new CnnToFeedForwardPreProcessor(PATCH, PATCH, 3), "patch")
                .setOutputs("mse").build());
        g.init();
        return g;
    }

    /** DCGAN's discriminator of {@code size} px inputs at width 2: conv 2, conv 4 + batch norm, ..., score. */
    private static MultiLayerNetwork tinyNetwork(int size, long seed, DataType type) {
        MultiLayerConfiguration c = PatchDiscriminator.configuration(size, seed, 1e-4, 2);
        c.setDataType(type);
        MultiLayerNetwork d = new MultiLayerNetwork(c);
        d.init();
        return d;
    }

    /** The two kinds, tiny: the patch alone (about 300 parameters), or also the image around it (about 1200). */
    private static Discriminator tinyDiscriminator(boolean context, DataType type) {
        return context ? new ContextDiscriminator(tinyNetwork(PATCH, 3, type), tinyNetwork(32, 4, type), 32, PATCH)
                : new PatchDiscriminator(tinyNetwork(PATCH, 3, type), PATCH);
    }

    private static InpaintingModel model(ComputationGraph g) {
        return new InpaintingModel(g, Architecture.CE32, PATCH, new HoleFill.Solid(new float[]{0.5f, 0.5f, 0.5f}));
    }

    private static INDArray[] batch(DataType type) {
        Nd4j.getRandom().setSeed(11);
        return new INDArray[]{Nd4j.rand(type, N, 3, 32, 32), Nd4j.rand(type, N, 3 * PATCH * PATCH)};
    }

    /**
     * The discriminator's scores computed here from its networks, in training mode (batch statistics) as the joint
     * step uses them: D(patch), or D_local(patch) + D_global(the image with the patch in its centre).
     */
    private static INDArray scores(List<MultiLayerNetwork> d, INDArray images, INDArray patches) {
        INDArray patch = patches.reshape('c', patches.size(0), 3, PATCH, PATCH);
        INDArray scores = d.get(0).output(patch, true);
        if (d.size() == 2) {
            INDArray composite = images.dup();
            composite.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(8, 24),
                    NDArrayIndex.interval(8, 24)).assign(patch);
            scores.addi(d.get(1).output(composite, true));
        }
        return scores;
    }

    private static double meanSquare(INDArray x) {
        return x.mul(x).meanNumber().doubleValue();
    }

    /** The generator's joint loss computed from scratch: (1 - w) masked MSE + w mean (D(G(x)) - 1)^2. */
    private static double[] generatorLoss(ComputationGraph g, List<MultiLayerNetwork> d, INDArray x, INDArray y,
                                          double w) {
        INDArray fake = g.outputSingle(true, x);
        double l2 = meanSquare(fake.sub(y));
        double adversarial = meanSquare(scores(d, x, fake).sub(1));
        return new double[]{(1 - w) * l2 + w * adversarial, l2, adversarial};
    }

    private static double discriminatorLoss(List<MultiLayerNetwork> d, INDArray images, INDArray real,
                                            INDArray fake) {
        return (meanSquare(scores(d, images, real).sub(1)) + meanSquare(scores(d, images, fake))) / 2;
    }

    /**
     * Central differences on the parameters of {@code net} named in {@code analytic} against that gradient (every
     * one of a tensor up to {@code most}, else about {@code most} spread over it), by DL4J's gradient-check
     * conventions: relative error |a - n| / (|a| + |n|) below {@code 1e-5} unless the absolute error is below 1e-8.
     */
    private static void assertGradient(Model net, Map<String, INDArray> analytic, int most, DoubleSupplier loss) {
        double h = 1e-6;
        int checked = 0;
        double worst = 0;
        for (Map.Entry<String, INDArray> e : analytic.entrySet()) {
            INDArray param = net.getParam(e.getKey());
            for (long i = 0; i < param.length(); i += Math.max(1, param.length() / most)) {
                double original = param.getDouble(i);
                param.putScalar(i, original + h);
                double up = loss.getAsDouble();
                param.putScalar(i, original - h);
                double down = loss.getAsDouble();
                param.putScalar(i, original);
                double numeric = (up - down) / (2 * h);
                double a = e.getValue().getDouble(i);
                double error = Math.abs(a - numeric);
                double relative = error == 0 ? 0 : error / (Math.abs(a) + Math.abs(numeric));
                assertTrue(relative < 1e-5 || error < 1e-8, e.getKey() + "[" + i + "]: backprop " + a
                        + ", finite differences " + numeric);
                if (Math.abs(a) + Math.abs(numeric) > 1e-8) worst = Math.max(worst, relative);
                checked++;
            }
        }
        assertTrue(checked >= 60, "checked " + checked + " parameters");
        System.out.printf("%d parameters checked, worst relative error %.2e%n", checked, worst);
    }

    /** Every parameter but batch norm's running statistics, which are not learned by gradient. */
    private static Map<String, INDArray> learned(Map<String, INDArray> table) {
        Map<String, INDArray> m = new LinkedHashMap<>();
        table.forEach((name, value) -> {
            if (!name.endsWith("_mean") && !name.endsWith("_var") && !name.endsWith("_log10stdev")) {
                m.put(name, value.dup());
            }
        });
        return m;
    }

    @ParameterizedTest(name = "context {0}")
    @ValueSource(booleans = {false, true})
    void theGeneratorMovesAlongTheGradientOfTheJointLoss(boolean context) {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        double w = 0.3; // large enough for both parts to shape the gradient
        ComputationGraph g = tinyGenerator(new Sgd(1.0), DataType.DOUBLE);
        Discriminator d = tinyDiscriminator(context, DataType.DOUBLE);
        // The discriminator as the generator's gradient sees it, before its own update.
        List<MultiLayerNetwork> judge = d.networks().stream().map(MultiLayerNetwork::clone).toList();
        INDArray[] b = batch(DataType.DOUBLE);
        double[] before = generatorLoss(g, judge, b[0], b[1], w);
        INDArray start = g.params().dup();
        Map<String, INDArray> startTable = learned(g.paramTable());

        Map<String, Double> parts = new JointStep(model(g), d, w).step(b[0], b[1]);

        assertEquals(before[1], parts.get(JointStep.L2), 1e-12);
        assertEquals(before[2], parts.get(JointStep.ADVERSARIAL), 1e-12);
        // SGD at rate 1 moves the parameters by exactly the gradient of the batch's mean loss.
        Map<String, INDArray> gradient = new LinkedHashMap<>();
        startTable.forEach((name, value) -> gradient.put(name, value.sub(g.getParam(name))));
        g.setParams(start);
        assertGradient(g, gradient, Integer.MAX_VALUE, () -> generatorLoss(g, judge, b[0], b[1], w)[0]);
    }

    @ParameterizedTest(name = "context {0}")
    @ValueSource(booleans = {false, true})
    void theDiscriminatorsGradientIsThatOfTheLeastSquaresLoss(boolean context) {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        Discriminator discriminator = tinyDiscriminator(context, DataType.DOUBLE);
        List<MultiLayerNetwork> d = discriminator.networks();
        ComputationGraph g = tinyGenerator(new Sgd(1.0), DataType.DOUBLE);
        INDArray[] b = batch(DataType.DOUBLE);
        INDArray images = b[0];
        INDArray real = b[1];
        INDArray fake = g.outputSingle(true, images);

        double loss = new Adversary(discriminator).lossAndGradient(images, real, fake);

        assertEquals(discriminatorLoss(d, images, real, fake), loss, 1e-12);
        for (MultiLayerNetwork network : d) {
            MultiLayerNetwork laidOut = network.clone(); // the gradient in the parameters' places, to read by name
            laidOut.setParams(network.getFlattenedGradients().div(N)); // DL4J sums over the batch; its updater divides
            assertGradient(network, learned(laidOut.paramTable()), 24, () -> discriminatorLoss(d, images, real, fake));
        }
    }

    @Test
    void withWeightZeroTheGeneratorsUpdateIsExactlyTheL2Steps() {
        ComputationGraph l2 = Architecture.CE32.build(5, new Adam(1e-3), 0, PATCH);
        ComputationGraph joint = Architecture.CE32.build(5, new Adam(1e-3), 0, PATCH);
        JointStep step = new JointStep(model(joint), PatchDiscriminator.build(PATCH, 5, 1e-3), 0);
        for (int i = 0; i < 2; i++) {
            INDArray[] b = batch(DataType.FLOAT);
            b[0].addi(i); // two different batches
            l2.fit(new DataSet(b[0], b[1]));
            Map<String, Double> parts = step.step(b[0], b[1]);
            assertEquals(l2.score(), parts.get(JointStep.L2), 1e-6, "the L2 part is the L2 step's loss");
        }
        assertArrayEquals(l2.params().data().asFloat(), joint.params().data().asFloat(), "weights");
        assertArrayEquals(l2.getUpdater().getStateViewArray().data().asFloat(),
                joint.getUpdater().getStateViewArray().data().asFloat(), "Adam's moments");
        assertInstanceOf(LossMSE.class, ((LossLayer) joint.getOutputLayer(0).conf().getLayer()).getLossFn(),
                "the generator keeps its own loss between steps");
    }

    @Test
    void theDiscriminatorsUpdateLowersItsLoss() {
        PatchDiscriminator d = PatchDiscriminator.build(PATCH, 5, 1e-3);
        INDArray[] b = batch(DataType.FLOAT);
        INDArray fake = Nd4j.rand(DataType.FLOAT, N, 3 * PATCH * PATCH).muli(0.2).addi(0.4); // duller than the real
        Adversary adversary = new Adversary(d);
        double before = adversary.lossAndGradient(b[0], b[1], fake);
        assertEquals(before, adversary.train(b[0], b[1], fake), 1e-6, "the loss reported is the one before the update");
        assertTrue(adversary.lossAndGradient(b[0], b[1], fake) < before);
        assertEquals(1, d.network().getIterationCount());
    }

    @Test
    void theSameSeedGivesTheSameStepsAndASavedDiscriminatorResumesExactly() throws IOException {
        INDArray[] b = batch(DataType.FLOAT);
        ComputationGraph g1 = tinyGenerator(new Adam(1e-2), DataType.FLOAT);
        ComputationGraph g2 = tinyGenerator(new Adam(1e-2), DataType.FLOAT);
        PatchDiscriminator d1 = PatchDiscriminator.build(PATCH, 7, 1e-2);
        PatchDiscriminator d2 = PatchDiscriminator.build(PATCH, 7, 1e-2);
        JointStep first = new JointStep(model(g1), d1, 0.01);
        Map<String, Double> parts = first.step(b[0], b[1]);
        assertEquals(parts, new JointStep(model(g2), d2, 0.01).step(b[0], b[1]));

        // The second network goes through a file (weights, Adam's moments and its step count) before step two.
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        ModelSerializer.writeModel(d2.network(), file, true);
        PatchDiscriminator loaded = new PatchDiscriminator(
                ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(file.toByteArray()), true), PATCH);
        Map<String, Double> next = first.step(b[0], b[1]);
        assertEquals(next, new JointStep(model(g2), loaded, 0.01).step(b[0], b[1]));
        assertArrayEquals(d1.network().params().data().asFloat(), loaded.network().params().data().asFloat());
        assertArrayEquals(g1.params().data().asFloat(), g2.params().data().asFloat());
        assertTrue(next.get(JointStep.DISCRIMINATOR) != parts.get(JointStep.DISCRIMINATOR), "the second step differs");
    }

    /** Adam's first moment decay of every layer of the graph that has Adam. */
    private static List<Double> beta1(ComputationGraph g) {
        return Arrays.stream(g.getLayers()).map(l -> l.conf().getLayer())
                .filter(l -> l instanceof BaseLayer b && b.getIUpdater() instanceof Adam)
                .map(l -> ((Adam) ((BaseLayer) l).getIUpdater()).getBeta1()).toList();
    }

    /**
     * A run's joint step switches the generator's Adam to beta1 0.5 (built with the default 0.9, as runs build it):
     * its updates are those of a generator built with beta1 0.5, not 0.9, and a saved model keeps the setting.
     */
    @Test
    void aRunsJointStepTrainsTheGeneratorWithAdamAtBeta1Half(@TempDir Path dir) {
        TrainingConfig config = TrainingConfig.paperDefaults(1, N);
        InpaintingModel switched = model(Architecture.CE32.build(5, new Adam(1e-3), 0, PATCH));
        ComputationGraph half = Architecture.CE32.build(5, new Adam(1e-3, 0.5, Adam.DEFAULT_ADAM_BETA2_VAR_DECAY,
                Adam.DEFAULT_ADAM_EPSILON), 0, PATCH);
        ComputationGraph usual = Architecture.CE32.build(5, new Adam(1e-3), 0, PATCH);
        JointStep run = JointStep.start(switched, config, 0.001, Discriminator.Choice.PATCH);
        JointStep built = new JointStep(model(half), PatchDiscriminator.build(PATCH, config.seed(), 1e-3), 0.001);
        JointStep unchanged = new JointStep(model(usual), PatchDiscriminator.build(PATCH, config.seed(), 1e-3), 0.001);
        for (int i = 0; i < 3; i++) {
            INDArray[] b = batch(DataType.FLOAT);
            b[0].addi(i);
            assertEquals(built.step(b[0], b[1]), run.step(b[0], b[1]), "step " + (i + 1));
            unchanged.step(b[0], b[1]);
        }
        assertArrayEquals(half.params().data().asFloat(), switched.graph().params().data().asFloat());
        assertFalse(Arrays.equals(usual.params().data().asFloat(), switched.graph().params().data().asFloat()),
                "beta1 0.9 would have moved the weights elsewhere");
        assertTrue(beta1(switched.graph()).size() > 5);
        ModelFile.save(switched, dir.resolve("g.zip"));
        assertEquals(Set.of(0.5), Set.copyOf(beta1(ModelFile.load(dir.resolve("g.zip")).graph())));
    }

    @Test
    void theDiscriminatorLearnsAtATenthOfTheGeneratorsRateAndFollowsItsHalvingsKeepingItsState() {
        JointStep step = JointStep.start(model(Architecture.CE32.build(5, new Adam(2e-3), 0, PATCH)),
                TrainingConfig.paperDefaults(1, N).withOptimizer(Optimizer.ADAM, 2e-3), 0.001,
                Discriminator.Choice.CONTEXT);
        INDArray[] b = batch(DataType.FLOAT);
        step.step(b[0], b[1]);
        List<MultiLayerNetwork> d = step.discriminator().networks();
        assertEquals(2, d.size());
        List<float[]> moments = d.stream().map(n -> n.getUpdater().getStateViewArray().data().asFloat()).toList();
        for (MultiLayerNetwork n : d) assertEquals(2e-4, n.getLearningRate(0), 1e-15);
        step.learningRate(1e-3);
        for (int i = 0; i < d.size(); i++) {
            for (int layer = 0; layer < d.get(i).getnLayers(); layer++) {
                Double rate = d.get(i).getLearningRate(layer);
                if (rate != null) assertEquals(1e-4, rate, 1e-15, "network " + i + ", layer " + layer);
            }
            assertArrayEquals(moments.get(i), d.get(i).getUpdater().getStateViewArray().data().asFloat(),
                    "Adam's moments are kept");
        }
    }

    @Test
    void aWeightOutsideZeroToOneADiscriminatorForAnotherHoleOrAGeneratorWithoutLossLayerIsRefused() {
        InpaintingModel g = model(tinyGenerator(new Adam(1e-3), DataType.FLOAT));
        for (double w : new double[]{-0.1, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new JointStep(g, PatchDiscriminator.build(PATCH, 1, 1e-3), w));
            assertTrue(e.getMessage().contains("must lie in [0, 1]"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new JointStep(g, PatchDiscriminator.build(32, 1, 1e-3), 0.001));
        assertTrue(e.getMessage().contains("judges 32x32 patches but the generator fills 16x16 holes"),
                e.getMessage());

        ComputationGraph headless = new ComputationGraph(new NeuralNetConfiguration.Builder().graphBuilder()
                .addInputs("image").setInputTypes(InputType.convolutional(32, 32, 3))
                .addLayer("patch", new ConvolutionLayer.Builder(3, 3).stride(2, 2).nOut(3)
                        .convolutionMode(ConvolutionMode.Same).activation(Activation.SIGMOID).build(), "image")
                .setOutputs("patch").build());
        headless.init();
        e = assertThrows(IllegalArgumentException.class,
                () -> new JointStep(model(headless), PatchDiscriminator.build(PATCH, 1, 1e-3), 0.001));
        assertTrue(e.getMessage().contains("ends in one loss layer"), e.getMessage());
    }
}
