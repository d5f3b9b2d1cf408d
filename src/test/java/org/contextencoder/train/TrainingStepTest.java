package org.contextencoder.train;

import org.contextencoder.SharedData;
import org.contextencoder.backend.Nd4jBackend;
import org.contextencoder.data.Cifar10;
import org.contextencoder.data.ImageSet;
import org.contextencoder.data.Split;
import org.contextencoder.mask.CenterMask;
import org.contextencoder.mask.HoleFill;
import org.contextencoder.model.InpaintingModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trainer's seam for what one batch does: the paper's L2 step, and steps with losses and state of their own. */
class TrainingStepTest {

    private static ImageSet train;
    private static ImageSet validation;
    private static final CenterMask MASK = new CenterMask(32, 16);
    /** AdamW (so the weight-decay penalty is taken off the reported loss) with a learning-rate schedule. */
    private static final TrainingConfig ADAMW = new TrainingConfig(3, 16, Optimizer.ADAMW, 1e-2, 9, 0,
            HoleFill.Choice.MEAN, true, 1);

    @BeforeAll
    static void load() {
        // The stored figures below come from oneDNN's kernels, which every network built by the workbench uses.
        Nd4jBackend.configure();
        Cifar10 cifar = Cifar10.openFolder(SharedData.cifar());
        train = cifar.split(Split.TRAIN, List.of(), 48);
        validation = cifar.split(Split.TEST, List.of(), 32);
    }

    private static Supplier<InpaintingModel> tiny(TrainingConfig c) {
        return () -> TinyNetwork.model(c, train);
    }

    /**
     * The trainer's history for this run before the step was a seam (commit 9c451ae), in full precision. On the
     * machine that recorded it the L2 step gives it to the bit; oneDNN picks its kernels by CPU, so on another the
     * last bits differ (4e-10 relative seen), far below what a changed batch order, scaling or update would move.
     */
    private static final double[][] BEFORE_THE_SEAM = {
            {0.06140998833709293, 0.27376215304125145},
            {0.061403787798351726, 0.27281277088677597},
            {0.06140455603599548, 0.19694700222899356}};
    /** Relative tolerance: CPU-dependent rounding only. */
    private static final double SAME_STEP = 1e-7;

    @Test
    void theL2StepGivesTheHistoryTheTrainerGaveBeforeItWasASeam(@TempDir Path dir) {
        List<EpochRecord> h = new Trainer(ADAMW, ProgressListener.SILENT).withStep(TrainingStep.L2)
                .train(tiny(ADAMW), train, validation, MASK, dir).history().records();
        assertEquals(BEFORE_THE_SEAM.length, h.size());
        for (int i = 0; i < h.size(); i++) {
            assertEquals(BEFORE_THE_SEAM[i][0], h.get(i).trainLoss(), SAME_STEP * BEFORE_THE_SEAM[i][0],
                    "train loss, epoch " + (i + 1));
            assertEquals(BEFORE_THE_SEAM[i][1], h.get(i).valLoss(), SAME_STEP * BEFORE_THE_SEAM[i][1],
                    "validation loss, epoch " + (i + 1));
        }
    }

    /**
     * A step with a second loss and a state of its own, as an adversarial step will have: the L2 step's update,
     * half its loss as another loss, and the number of batches it has trained on, kept in the checkpoint.
     */
    private static final class CountingStep implements TrainingStep {
        private final TrainingStep l2;
        int batches;

        CountingStep(InpaintingModel model, TrainingConfig config) {
            l2 = TrainingStep.L2.start(model, config);
        }

        @Override
        public BatchLosses fit(Batch batch) {
            batches++;
            double loss = l2.fit(batch).trainLoss();
            Map<String, Double> parts = new LinkedHashMap<>();
            parts.put("l2", loss);
            parts.put("half", loss / 2);
            return new BatchLosses(parts);
        }

        @Override
        public Map<String, StepState> state() {
            return Map.of("batches", new StepState() {
                @Override
                public void save(Path file) {
                    write(file, Integer.toString(batches));
                }

                @Override
                public void restore(Path file) {
                    batches = Integer.parseInt(read(file));
                }
            });
        }
    }

    private static final TrainingConfig TWO = new TrainingConfig(2, 16, Optimizer.ADAM, 1e-2, 9, 0, HoleFill.Choice.MEAN,
            true);

    /** Trains with a new counting step; {@code last} is the step the trainer made (on resume, after its restore). */
    private static TrainingResult trainCounting(Path run, AtomicReference<CountingStep> last, ProgressListener l,
                                                Checkpoint.Steps steps) {
        return new Trainer(TWO, l, steps).withStep((model, config) -> {
            CountingStep step = new CountingStep(model, config);
            last.set(step);
            return step;
        }).train(tiny(TWO), train, validation, MASK, run);
    }

    @Test
    void aStepsOtherLossesBecomeColumnsOfTheHistoryAndItsTrainingLossIsTheFirst(@TempDir Path dir) {
        AtomicReference<CountingStep> step = new AtomicReference<>();
        List<EpochRecord> h = trainCounting(dir, step, ProgressListener.SILENT, Checkpoint.Steps.NONE).history()
                .records();
        assertEquals(2 * 3, step.get().batches, "48 images in batches of 16, two epochs");
        assertEquals("epoch,train_loss,val_loss,seconds,half", read(dir.resolve("history.csv")).lines().findFirst()
                .orElseThrow());
        List<EpochRecord> written = LossHistory.read(dir.resolve("history.csv")).records();
        for (int i = 0; i < 2; i++) {
            assertEquals(h.get(i).trainLoss() / 2, h.get(i).otherLosses().get("half"), 1e-15, "epoch " + (i + 1));
            assertEquals(h.get(i).otherLosses().get("half"), written.get(i).otherLosses().get("half"), 1e-6);
            assertEquals(h.get(i).trainLoss(), written.get(i).trainLoss(), 1e-6);
        }
    }

    @Test
    void aHistoryWithoutOtherLossesKeepsItsFourColumns() {
        LossHistory h = new LossHistory();
        h.add(new EpochRecord(1, 0.04, 0.03, 12.34));
        assertEquals("epoch,train_loss,val_loss,seconds\n1,0.040000,0.030000,12.3" + System.lineSeparator(),
                h.toCsv());
    }

    /**
     * Killed after the step's state of epoch 2 was written but before it was committed, after the commit but before
     * the old files went, or in the middle of epoch 2: the resumed run restores the state epoch 1 committed (or epoch
     * 2's, once committed) and ends where the uninterrupted run ends, with only the last state file left.
     */
    @Test
    void theStepsStateIsCommittedWithItsEpochAndRestoredOnResume(@TempDir Path dir) throws IOException {
        AtomicReference<CountingStep> step = new AtomicReference<>();
        List<EpochRecord> whole = trainCounting(dir.resolve("whole"), step, ProgressListener.SILENT,
                Checkpoint.Steps.NONE).history().records();
        ProgressListener killInEpochTwo = new ProgressListener() {
            @Override
            public void batchDone(BatchProgress p) {
                if (p.epoch() == 2 && p.batch() == 2) throw new IllegalStateException("killed in epoch 2");
            }
        };
        Map<String, ProgressListener> listeners = Map.of("commit", ProgressListener.SILENT,
                "remove", ProgressListener.SILENT, "batch", killInEpochTwo);
        for (String kill : List.of("commit", "remove", "batch")) {
            Path run = dir.resolve(kill);
            int[] saves = {0};
            Checkpoint.Steps killer = name -> {
                if (name.equals("weights")) saves[0]++;
                if (saves[0] == 2 && name.equals(kill)) throw new IllegalStateException("killed before " + kill);
            };
            assertThrows(IllegalStateException.class,
                    () -> trainCounting(run, new AtomicReference<>(), listeners.get(kill), killer));
            List<EpochRecord> resumed = trainCounting(run, step, ProgressListener.SILENT, Checkpoint.Steps.NONE)
                    .history().records();
            assertEquals(2 * 3, step.get().batches, kill + ": the count went on from the committed state");
            for (int i = 0; i < 2; i++) {
                assertEquals(whole.get(i).trainLoss(), resumed.get(i).trainLoss(), 1e-6, kill + ", epoch " + (i + 1));
            }
            try (Stream<Path> files = Files.list(run.resolve("checkpoint"))) {
                assertEquals(List.of("batches-2.state", "epoch-2.zip", "state.properties"),
                        files.map(f -> f.getFileName().toString()).sorted().toList(), kill);
            }
        }
    }

    @Test
    void aRunIsResumedOnlyByTheStepItWasTrainedWith(@TempDir Path dir) {
        TrainingConfig one = TWO.withEpochs(1);
        new Trainer(one, ProgressListener.SILENT).train(tiny(one), train, validation, MASK, dir.resolve("l2"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainCounting(dir.resolve("l2"), new AtomicReference<>(), ProgressListener.SILENT,
                        Checkpoint.Steps.NONE));
        assertEquals(dir.resolve("l2") + " holds a run whose training step kept no state of its own, and this step"
                + " keeps batches: resume it with the step it was trained with, or choose another output folder",
                e.getMessage());

        new Trainer(one, ProgressListener.SILENT).withStep(CountingStep::new)
                .train(tiny(one), train, validation, MASK, dir.resolve("counting"));
        e = assertThrows(IllegalArgumentException.class, () -> new Trainer(TWO, ProgressListener.SILENT)
                .train(tiny(TWO), train, validation, MASK, dir.resolve("counting")));
        assertTrue(e.getMessage().contains("kept the state batches, and this step keeps none"), e.getMessage());
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
