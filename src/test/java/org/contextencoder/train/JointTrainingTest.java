package org.contextencoder.train;

import org.contextencoder.backend.Nd4jBackend;
import org.contextencoder.data.ImageSet;
import org.contextencoder.mask.CenterMask;
import org.contextencoder.mask.HoleFill;
import org.contextencoder.model.Discriminator;
import org.contextencoder.model.InpaintingModel;
import org.contextencoder.model.ModelFile;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trainer with the joint loss on generated images: checkpoints that hold the discriminator and its optimizer,
 * resume to the same history, the same history for the same seed, the discriminator's rate in step with the
 * generator's, and divergence of the discriminator stopping the run.
 */
class JointTrainingTest {

    private static final CenterMask MASK = new CenterMask(32, 16);
    /**
     * Four epochs of three batches; the rate halves after each epoch without a better validation loss, which with
     * these images happens after epoch 3.
     */
    private static final TrainingConfig CONFIG = new TrainingConfig(4, 16, Optimizer.ADAM, 3e-2, 9, 0,
            HoleFill.Choice.MEAN, true, 1);
    private static final TrainingLoss JOINT = TrainingLoss.joint(0.01, Discriminator.Choice.PATCH);
    private static ImageSet train;
    private static ImageSet validation;

    /** Smooth random images: a colour gradient per image plus a little noise. */
    private static ImageSet generated(int count, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[count * 3 * 32 * 32];
        for (int i = 0, p = 0; i < count; i++) {
            for (int c = 0; c < 3; c++) {
                double base = random.nextDouble() * 200;
                double dx = random.nextDouble() * 2 - 1;
                double dy = random.nextDouble() * 2 - 1;
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        double v = base + dx * x + dy * y + random.nextGaussian() * 8;
                        pixels[p++] = (byte) Math.max(0, Math.min(255, (int) v));
                    }
                }
            }
        }
        return new ImageSet(pixels, null, 32, List.of());
    }

    @BeforeAll
    static void generate() {
        // The tiny network is built without the backend's set-up, which the discriminator would do in the first run.
        Nd4jBackend.configure();
        train = generated(48, 1);
        validation = generated(16, 2);
    }

    private static Supplier<InpaintingModel> tiny(TrainingConfig c) {
        return () -> TinyNetwork.model(c, train);
    }

    private static TrainingResult joint(Path run, ProgressListener listener) {
        return new Trainer(CONFIG, listener).withStep(JOINT).train(tiny(CONFIG), train, validation, MASK, run);
    }

    /** The run's {@code history.csv} without its seconds, which differ from run to run. */
    private static String historyWithoutTimes(Path run) throws IOException {
        return Files.readAllLines(run.resolve("history.csv")).stream().map(line -> line.replaceFirst(
                "^([^,]*,[^,]*,[^,]*),[^,]*", "$1")).collect(Collectors.joining("\n"));
    }

    private static List<MultiLayerNetwork> discriminator(Path run, int epoch) {
        return NetworksFile.read(run.resolve("checkpoint").resolve("discriminator-" + epoch + ".state"));
    }

    private static void assertSameNetworks(Path expected, Path actual, int epoch) {
        assertArrayEquals(ModelFile.load(expected.resolve("model.zip")).graph().params().data().asFloat(),
                ModelFile.load(actual.resolve("model.zip")).graph().params().data().asFloat(), "the generator");
        MultiLayerNetwork d = discriminator(expected, epoch).get(0);
        MultiLayerNetwork e = discriminator(actual, epoch).get(0);
        assertArrayEquals(d.params().data().asFloat(), e.params().data().asFloat(), "the discriminator");
        assertArrayEquals(d.getUpdater().getStateViewArray().data().asFloat(),
                e.getUpdater().getStateViewArray().data().asFloat(), "the discriminator's Adam state");
        assertEquals(d.getIterationCount(), e.getIterationCount());
    }

    @Test
    void aKilledJointRunResumesToTheSameHistoryAndNetworks(@TempDir Path dir) throws IOException {
        Path whole = dir.resolve("whole");
        List<EpochRecord> h = joint(whole, ProgressListener.SILENT).history().records();
        assertEquals("epoch,train_loss,val_loss,seconds,adversarial,discriminator",
                Files.readAllLines(whole.resolve("history.csv")).get(0));
        assertTrue(h.stream().allMatch(r -> r.otherLosses().get(JointStep.DISCRIMINATOR) > 0
                && r.otherLosses().get(JointStep.ADVERSARIAL) > 0), h.toString());
        String state = Files.readString(whole.resolve("checkpoint").resolve("state.properties"));
        for (String setting : List.of("loss=joint", "adv_weight=0.01", "discriminator=patch", "adam_beta1=0.5",
                "discriminator_lr_ratio=0.1", "step_state.discriminator=discriminator-4.state")) {
            assertTrue(state.contains(setting), setting + " in " + state);
        }

        Path killed = dir.resolve("killed");
        ProgressListener killInEpochTwo = new ProgressListener() {
            @Override
            public void batchDone(BatchProgress p) {
                if (p.epoch() == 2 && p.batch() == 2) throw new IllegalStateException("simulated kill");
            }
        };
        assertThrows(IllegalStateException.class, () -> joint(killed, killInEpochTwo));
        assertEquals(1, LossHistory.read(killed.resolve("history.csv")).size(), "epoch 1 was committed");
        joint(killed, ProgressListener.SILENT);

        assertEquals(historyWithoutTimes(whole), historyWithoutTimes(killed));
        assertSameNetworks(whole, killed, 4);
        try (Stream<Path> files = Files.list(killed.resolve("checkpoint"))) {
            assertEquals(List.of("discriminator-4.state", "epoch-4.zip", "state.properties"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    /** The same seed gives the same history to the last bit, the discriminator's losses included. */
    @Test
    void theSameSeedGivesTheSameHistory(@TempDir Path dir) {
        List<EpochRecord> first = joint(dir.resolve("first"), ProgressListener.SILENT).history().records();
        List<EpochRecord> second = joint(dir.resolve("second"), ProgressListener.SILENT).history().records();
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).trainLoss(), second.get(i).trainLoss(), "epoch " + (i + 1));
            assertEquals(first.get(i).valLoss(), second.get(i).valLoss(), "epoch " + (i + 1));
            assertEquals(first.get(i).otherLosses(), second.get(i).otherLosses(), "epoch " + (i + 1));
        }
        assertSameNetworks(dir.resolve("first"), dir.resolve("second"), 4);
    }

    /** The discriminator learns at a tenth of the generator's rate, halved when the generator's is. */
    @Test
    void theDiscriminatorsRateFollowsTheGeneratorsHalvings(@TempDir Path dir) {
        AtomicReference<InpaintingModel> generator = new AtomicReference<>();
        AtomicReference<JointStep> step = new AtomicReference<>();
        LossHistory history = new Trainer(CONFIG, ProgressListener.SILENT).withStep((model, config) -> {
            generator.set(model);
            step.set((JointStep) JOINT.start(model, config));
            return step.get();
        }).train(tiny(CONFIG), train, validation, MASK, dir).history();
        LossHistory beforeLast = new LossHistory();
        history.records().stream().limit(history.size() - 1).forEach(beforeLast::add);
        double last = Trainer.learningRate(beforeLast, CONFIG);
        assertTrue(last < CONFIG.learningRate(), "the rate was halved: " + history.records());
        assertEquals(last, generator.get().graph().getLearningRate("conv"), 1e-15);
        assertEquals(last / 10, step.get().discriminator().networks().get(0).getLearningRate(0), 1e-15);
    }

    /** Trains a joint run, poisoning the discriminator's weights after batch {@code batch} of epoch {@code epoch}. */
    private static TrainingDivergedException poisoned(int epoch, int batch, Path dir) {
        AtomicReference<JointStep> step = new AtomicReference<>();
        ProgressListener poisoner = new ProgressListener() {
            @Override
            public void batchDone(BatchProgress p) {
                if (p.epoch() == epoch && p.batch() == (batch < 0 ? p.batches() : batch)) {
                    step.get().discriminator().networks().get(0).params().assign(Double.NaN);
                }
            }
        };
        return assertThrows(TrainingDivergedException.class, () -> new Trainer(CONFIG, poisoner)
                .withStep((model, config) -> {
                    step.set((JointStep) JOINT.start(model, config));
                    return step.get();
                }).train(tiny(CONFIG), train, validation, MASK, dir));
    }

    @Test
    void aDiscriminatorWhoseWeightsDivergeStopsTheRunAndItsEpochIsNotCommitted(@TempDir Path dir)
            throws IOException {
        TrainingDivergedException e = poisoned(2, -1, dir);
        assertEquals("training diverged (the discriminator's weights became NaN or infinite in epoch 2): the run keeps"
                + " its last good checkpoint, epoch 1; lower the learning rate (now 0.03) or try another optimizer,"
                + " in a new output folder", e.getMessage());
        assertTrue(Files.readString(dir.resolve("checkpoint").resolve("state.properties")).contains("epochs_done=1"));
    }

    @Test
    void aNonFiniteLossOfTheAdversarialGameStopsTheRun(@TempDir Path dir) {
        TrainingDivergedException e = poisoned(1, 1, dir);
        assertTrue(e.getMessage().startsWith("training diverged (the adversarial loss became NaN in epoch 1, batch 2):"
                + " no epoch finished without diverging"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("model.zip")));
    }

    @Test
    void aJointRunResumesOnlyWithItsOwnLoss(@TempDir Path dir) {
        TrainingConfig one = CONFIG.withEpochs(1);
        Path run = dir.resolve("joint");
        new Trainer(one, ProgressListener.SILENT).withStep(JOINT).train(tiny(one), train, validation, MASK, run);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Trainer(CONFIG,
                ProgressListener.SILENT).withStep(TrainingLoss.joint(0.1, Discriminator.Choice.PATCH))
                .train(tiny(CONFIG), train, validation, MASK, run));
        assertTrue(e.getMessage().contains("trained with adv_weight=0.01, not adv_weight=0.1:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Trainer(CONFIG, ProgressListener.SILENT)
                .train(tiny(CONFIG), train, validation, MASK, run));
        assertTrue(e.getMessage().contains("trained with adam_beta1=0.5, adv_weight=0.01, discriminator=patch,"
                + " discriminator_lr_ratio=0.1, loss=joint, not adam_beta1=(none)"), e.getMessage());

        Path l2 = dir.resolve("l2");
        new Trainer(one, ProgressListener.SILENT).withStep(TrainingLoss.L2).train(tiny(one), train, validation, MASK,
                l2);
        e = assertThrows(IllegalArgumentException.class, () -> joint(l2, ProgressListener.SILENT));
        assertTrue(e.getMessage().contains("not adam_beta1=0.5, adv_weight=0.01"), e.getMessage());
    }
}
