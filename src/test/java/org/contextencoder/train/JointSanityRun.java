package org.contextencoder.train;

import org.contextencoder.SharedData;
import org.contextencoder.data.Cifar10;
import org.contextencoder.data.ImageSet;
import org.contextencoder.data.Split;
import org.contextencoder.eval.Evaluator;
import org.contextencoder.eval.ModelInpainter;
import org.contextencoder.eval.Score;
import org.contextencoder.mask.CenterMask;
import org.contextencoder.mask.HoleFill;
import org.contextencoder.model.Architecture;
import org.contextencoder.model.Discriminator;
import org.contextencoder.model.InpaintingModel;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A measurement, not a test: trains the L2 model and joint models on a small real subset with the same seed and
 * batches, then prints each one's masked MSE and detail ratio on held-out images and its median step time.
 * Settings as system properties: images (512), epochs (3), batch (64), weights (0.001,0.01), arch (ce32),
 * test (1000), classes (truck), discriminator (patch, or context, or patch,context for both).
 */
public final class JointSanityRun {

    private static final double RATE = 1e-3;
    private static final long SEED = 42;

    /** "patch w=0.01" or "context w=0.01". */
    private static Discriminator.Choice discriminator(String run) {
        return Discriminator.Choice.parse(run.substring(0, run.indexOf(' ')));
    }

    private static double weight(String run) {
        return Double.parseDouble(run.substring(run.indexOf('=') + 1));
    }

    public static void main(String[] args) {
        int images = Integer.getInteger("images", 512);
        int epochs = Integer.getInteger("epochs", 3);
        int batch = Integer.getInteger("batch", 64);
        Architecture arch = Architecture.parse(System.getProperty("arch", "ce32"));
        List<String> classes = List.of(System.getProperty("classes", "truck").split(","));
        Cifar10 cifar = Cifar10.openFolder(SharedData.cifar());
        ImageSet train = cifar.split(Split.TRAIN, classes, images);
        ImageSet test = cifar.split(Split.TEST, classes, Integer.getInteger("test", 1000));
        CenterMask mask = new CenterMask(32, 16);
        List<Double> weights = Arrays.stream(System.getProperty("weights", "0.001,0.01").split(","))
                .map(Double::valueOf).toList();
        List<String> discriminators = List.of(System.getProperty("discriminator", "patch").split(","));
        List<String> runs = new ArrayList<>(List.of("l2"));
        for (String d : discriminators) weights.forEach(w -> runs.add(d + " w=" + w));
        System.out.printf(Locale.ROOT, "%s on %d %s images, %d epochs, batch %d; scored on %d test images%n",
                arch.id(), train.count(), classes, epochs, batch, test.count());
        for (String name : runs) {
            InpaintingModel g = new InpaintingModel(arch.build(SEED, new Adam(RATE), 0, 16), arch, 16,
                    arch.defaultFill().forTraining(train));
            // As a run trains: Adam at beta1 0.5 for both networks, the discriminator at a tenth of the rate.
            JointStep joint = name.equals("l2") ? null : JointStep.start(g, new TrainingConfig(epochs, batch,
                    Optimizer.ADAM, RATE, SEED, 0, HoleFill.Choice.MEAN, false), weight(name), discriminator(name));
            List<Double> stepMs = new ArrayList<>();
            for (int epoch = 1; epoch <= epochs; epoch++) {
                int[] order = Trainer.shuffled(train.count(), SEED * 1_000_003L + epoch);
                double l2 = 0;
                double adversarial = 0;
                double discriminator = 0;
                int seen = 0;
                try (BatchSource batches = new BatchSource(train, mask, g.fill(), order, batch, null)) {
                    while (batches.hasNext()) {
                        Batch b = batches.next();
                        long start = System.nanoTime();
                        if (joint == null) {
                            g.graph().fit(new DataSet(b.features(), b.labels()));
                            l2 += g.graph().score() * b.size();
                        } else {
                            Map<String, Double> parts = joint.step(b.features(), b.labels());
                            l2 += parts.get(JointStep.L2) * b.size();
                            adversarial += parts.get(JointStep.ADVERSARIAL) * b.size();
                            discriminator += parts.get(JointStep.DISCRIMINATOR) * b.size();
                        }
                        stepMs.add((System.nanoTime() - start) / 1e6);
                        seen += b.size();
                    }
                }
                System.out.printf(Locale.ROOT, "  %-18s epoch %d: l2 %.5f, adversarial %.4f, discriminator %.4f%n",
                        name, epoch, l2 / seen, adversarial / seen, discriminator / seen);
            }
            Score s = new Evaluator(arch.inferenceBatch()).score(new ModelInpainter(g), test, mask);
            List<Double> steady = stepMs.subList(Math.min(2, stepMs.size() - 1), stepMs.size()).stream().sorted().toList();
            System.out.printf(Locale.ROOT, "%-18s masked MSE %.5f, detail ratio %.3f, SSIM %.4f, median step %.0f ms%n",
                    name, s.maskedMse(), s.detailRatio(), s.ssim(), steady.get(steady.size() / 2));
        }
    }
}
