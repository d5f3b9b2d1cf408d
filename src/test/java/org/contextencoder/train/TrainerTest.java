package org.contextencoder.train;

import org.contextencoder.SharedData;
import org.contextencoder.data.Cifar10;
import org.contextencoder.data.ImageSet;
import org.contextencoder.data.Split;
import org.contextencoder.eval.Evaluator;
import org.contextencoder.eval.ModelInpainter;
import org.contextencoder.mask.CenterMask;
import org.contextencoder.mask.HoleFill;
import org.contextencoder.model.Architecture;
import org.contextencoder.model.InpaintingModel;
import org.contextencoder.model.ModelFile;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Short real training runs on CIFAR-10 images. */
class TrainerTest {

    private static ImageSet train;
    private static ImageSet validation;
    private static final CenterMask MASK = new CenterMask(32, 16);
    private static final TrainingConfig CONFIG = new TrainingConfig(3, 16, Optimizer.ADAM, 1e-3, 9, 0, HoleFill.Choice.MEAN, true);

    @BeforeAll
    static void load() {
        Cifar10 cifar = Cifar10.openFolder(SharedData.cifar());
        train = cifar.split(Split.TRAIN, List.of(), 48);
        validation = cifar.split(Split.TEST, List.of(), 32);
    }

    private static Supplier<InpaintingModel> fresh(TrainingConfig c, AtomicReference<InpaintingModel> made) {
        return () -> {
            InpaintingModel m = new InpaintingModel(Architecture.CE32.build(c.seed(),
                    c.optimizer().updater(c.learningRate()), c.optimizer().weightDecay(), 16),
                    Architecture.CE32, 16, new HoleFill.Solid(train.meanColour()));
            made.set(m);
            return m;
        };
    }

    /** {@link TinyNetwork}: for the tests of what happens around training. */
    private static Supplier<InpaintingModel> tiny(TrainingConfig c, AtomicReference<InpaintingModel> made) {
        return () -> {
            InpaintingModel m = TinyNetwork.model(c, train);
            made.set(m);
            return m;
        };
    }

    private static double validationLoss(InpaintingModel model) {
        return new Evaluator(64).score(new ModelInpainter(model), validation, MASK).maskedMse();
    }

    @Test
    void lossFallsAndAnInterruptedRunResumesToTheSameHistory(@TempDir Path dir) {
        Path whole = dir.resolve("whole");
        TrainingResult uninterrupted = new Trainer(CONFIG, ProgressListener.SILENT)
                .train(fresh(CONFIG, new AtomicReference<>()), train, validation, MASK, whole);
        List<EpochRecord> h = uninterrupted.history().records();
        assertEquals(3, h.size());
        assertTrue(h.get(2).trainLoss() < h.get(0).trainLoss(), "training loss falls: " + h);
        assertTrue(h.stream().allMatch(e -> Double.isFinite(e.valLoss()) && e.valLoss() > 0), "validation: " + h);
        assertTrue(Files.isRegularFile(whole.resolve("model.zip")));

        Path killed = dir.resolve("killed");
        ProgressListener killInEpochTwo = new ProgressListener() {
            @Override
            public void batchDone(BatchProgress p) {
                if (p.epoch() == 2 && p.batch() == 2) throw new IllegalStateException("simulated kill");
            }
        };
        assertThrows(IllegalStateException.class, () -> new Trainer(CONFIG, killInEpochTwo)
                .train(fresh(CONFIG, new AtomicReference<>()), train, validation, MASK, killed));
        assertEquals(1, LossHistory.read(killed.resolve("history.csv")).size(), "epoch 1 was committed");

        AtomicReference<InpaintingModel> madeOnResume = new AtomicReference<>();
        TrainingResult resumed = new Trainer(CONFIG, ProgressListener.SILENT)
                .train(fresh(CONFIG, madeOnResume), train, validation, MASK, killed);
        assertEquals(null, madeOnResume.get(), "a resumed run starts from its checkpoint, not a fresh model");
        List<EpochRecord> r = resumed.history().records();
        for (int i = 0; i < 3; i++) {
            assertEquals(h.get(i).trainLoss(), r.get(i).trainLoss(), 1e-5, "train loss, epoch " + (i + 1));
            assertEquals(h.get(i).valLoss(), r.get(i).valLoss(), 1e-5, "validation loss, epoch " + (i + 1));
        }
    }

    @Test
    void aRunStartsWithTheEpochsItHasAndAFinishedRunReusedSaysNothingElse(@TempDir Path dir) {
        TrainingConfig one = CONFIG.withEpochs(1);
        List<String> events = new java.util.ArrayList<>();
        ProgressListener recorder = new ProgressListener() {
            @Override
            public void runStarted(Path runDir, LossHistory history, int epochs) {
                events.add("started " + runDir.getFileName() + " with " + history.size() + " of " + epochs);
            }

            @Override
            public void batchDone(BatchProgress progress) {
                if (events.isEmpty() || !events.get(events.size() - 1).equals("batches")) events.add("batches");
            }

            @Override
            public void epochDone(EpochRecord record, int epochs, boolean improved) {
                events.add("epoch " + record.epoch());
            }
        };
        Path run = dir.resolve("run");
        new Trainer(one, recorder).train(fresh(one, new AtomicReference<>()), train, validation, MASK, run);
        new Trainer(one, recorder).train(fresh(one, new AtomicReference<>()), train, validation, MASK, run);

        assertEquals(List.of("started run with 0 of 1", "batches", "epoch 1", "started run with 1 of 1"), events);
    }

    @Test
    void aNanLossStopsTheRunAndKeepsTheLastGoodCheckpoint(@TempDir Path dir) {
        TrainingConfig two = CONFIG.withEpochs(2);
        AtomicReference<InpaintingModel> made = new AtomicReference<>();
        ProgressListener poisonAfterEpochOne = new ProgressListener() {
            @Override
            public void epochDone(EpochRecord record, int epochs, boolean improved) {
                made.get().graph().params().assign(Double.NaN);
            }
        };
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new Trainer(two, poisonAfterEpochOne).train(fresh(two, made), train, validation, MASK, dir));
        assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("epoch 1"), e.getMessage());
        assertEquals(1, LossHistory.read(dir.resolve("history.csv")).size());
        InpaintingModel kept = ModelFile.load(dir.resolve("model.zip"));
        assertFalse(Double.isNaN(kept.graph().params().sumNumber().doubleValue()), "the kept model is the good one");
    }

    /**
     * A kill (here an exception) before any step of the checkpoint written after epoch 1 or 2, with the 0-byte
     * temporary files a killed write leaves: the resumed run must train each epoch once, from the weights it
     * committed, to the uninterrupted run's history, keep the best epoch as model.zip and leave no stale file.
     */
    @Test
    void aKillAtAnyStepOfACheckpointWriteResumesToTheUninterruptedHistory(@TempDir Path dir) throws IOException {
        TrainingConfig two = CONFIG.withEpochs(2).withOptimizer(Optimizer.ADAM, 1e-2);
        List<String> steps = new ArrayList<>();
        List<EpochRecord> h = new Trainer(two, ProgressListener.SILENT, steps::add)
                .train(tiny(two, new AtomicReference<>()), train, validation, MASK, dir.resolve("whole"))
                .history().records();
        List<String> oneSave = steps.subList(0, steps.size() / 2);
        assertEquals(oneSave, steps.subList(steps.size() / 2, steps.size()), "both epochs improved: " + steps);
        assertTrue(oneSave.containsAll(List.of("weights", "best", "history", "commit", "publish", "remove")),
                "every step is tried: " + steps);

        for (int kill = 0; kill < steps.size(); kill++) {
            String where = "killed before step " + steps.get(kill) + " of epoch " + (kill < oneSave.size() ? 1 : 2);
            Path run = dir.resolve("kill" + kill);
            int[] step = {0};
            int at = kill;
            Checkpoint.Steps killer = name -> {
                if (step[0]++ == at) {
                    leaveKilledTemporaryFiles(run);
                    throw new IllegalStateException(where);
                }
            };
            assertThrows(IllegalStateException.class, () -> new Trainer(two, ProgressListener.SILENT, killer)
                    .train(tiny(two, new AtomicReference<>()), train, validation, MASK, run), where);

            TrainingResult resumed = new Trainer(two, ProgressListener.SILENT)
                    .train(tiny(two, new AtomicReference<>()), train, validation, MASK, run);
            List<EpochRecord> r = resumed.history().records();
            assertEquals(2, r.size(), where);
            for (int i = 0; i < 2; i++) {
                String epoch = where + ", epoch " + (i + 1);
                assertEquals(h.get(i).trainLoss(), r.get(i).trainLoss(), 1e-6, epoch + ": train loss");
                assertEquals(h.get(i).valLoss(), r.get(i).valLoss(), 1e-6, epoch + ": validation loss");
            }
            assertEquals(resumed.history().best().valLoss(), validationLoss(ModelFile.load(run.resolve("model.zip"))),
                    1e-6, where + ": model.zip is the best epoch");
            try (Stream<Path> files = Files.walk(run)) {
                assertEquals(List.of("checkpoint/epoch-2.zip", "checkpoint/state.properties", "history.csv",
                        "model.zip"), files.filter(Files::isRegularFile).map(f -> run.relativize(f).toString())
                        .sorted().toList(), where + ": what a finished run leaves");
            }
        }
    }

    /**
     * The L2 step, noting for each batch the rate it trained at and where each image's hole was (the first place, row
     * by row, whose 16x16 square is all the fill colour).
     */
    private static TrainingStep.Factory noting(List<String> batches) {
        return (model, config) -> {
            TrainingStep l2 = TrainingStep.L2.start(model, config);
            float[] colour = ((HoleFill.Solid) model.fill()).colour();
            return batch -> {
                float[] f = batch.features().dup('c').data().asFloat();
                List<String> corners = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) corners.add(holeCorner(f, i, colour));
                batches.add(model.graph().getLearningRate("conv") + " " + String.join(";", corners));
                return l2.fit(batch);
            };
        };
    }

    private static String holeCorner(float[] features, int image, float[] colour) {
        for (int y = 0; y <= 16; y++) {
            for (int x = 0; x <= 16; x++) {
                boolean filled = true;
                for (int k = 0; k < 3 * 16 * 16 && filled; k++) {
                    int c = k / 256;
                    filled = features[((image * 3 + c) * 32 + y + k / 16 % 16) * 32 + x + k % 16] == colour[c];
                }
                if (filled) return x + "," + y;
            }
        }
        return "none";
    }

    /**
     * Random training holes, the cosine schedule and a weight average together, killed in epoch 2: the resumed run
     * trains each batch at the rate and with the holes the uninterrupted one did, restores the average, and ends with
     * its history; validation scores the average on the centre hole, and the average is the model the run keeps.
     */
    @Test
    void aRunWithTheWholeRecipeKilledInItsSecondEpochResumesToTheUninterruptedHistory(@TempDir Path dir)
            throws IOException {
        TrainingConfig c = CONFIG.withEpochs(2).withOptimizer(Optimizer.ADAM, 1e-2)
                .withRecipe(new Recipe(Recipe.Holes.RANDOM, 0, Recipe.Schedule.COSINE, 0.9));
        List<String> whole = new ArrayList<>();
        List<EpochRecord> h = new Trainer(c, ProgressListener.SILENT).withStep(noting(whole))
                .train(tiny(c, new AtomicReference<>()), train, validation, MASK, dir.resolve("whole")).history()
                .records();
        double[] rates = {1e-2 / 3, 2e-2 / 3, 1e-2, 1e-2, 0.75e-2, 0.25e-2};
        assertEquals(6, whole.size(), "48 images in batches of 16, two epochs");
        Set<String> corners = new HashSet<>();
        for (int b = 0; b < 6; b++) {
            String[] parts = whole.get(b).split(" ", 2);
            assertEquals(rates[b], Double.parseDouble(parts[0]), 1e-12, "the rate of batch " + (b + 1));
            corners.addAll(List.of(parts[1].split(";")));
        }
        assertFalse(corners.contains("none"), "every image has its hole: " + corners);
        assertTrue(corners.size() > 50, "the holes are all over the images: " + corners);

        Path run = dir.resolve("killed");
        ProgressListener killInEpochTwo = new ProgressListener() {
            @Override
            public void batchDone(BatchProgress p) {
                if (p.epoch() == 2 && p.batch() == 2) throw new IllegalStateException("simulated kill");
            }
        };
        List<String> killed = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> new Trainer(c, killInEpochTwo).withStep(noting(killed))
                .train(tiny(c, new AtomicReference<>()), train, validation, MASK, run));
        assertEquals(whole.subList(0, 5), killed);
        List<String> resumedBatches = new ArrayList<>();
        TrainingResult resumed = new Trainer(c, ProgressListener.SILENT).withStep(noting(resumedBatches))
                .train(tiny(c, new AtomicReference<>()), train, validation, MASK, run);
        assertEquals(whole.subList(3, 6), resumedBatches, "epoch 2 again, at the same rates with the same holes");
        List<EpochRecord> r = resumed.history().records();
        for (int i = 0; i < 2; i++) {
            assertEquals(h.get(i).trainLoss(), r.get(i).trainLoss(), 1e-6, "train loss, epoch " + (i + 1));
            assertEquals(h.get(i).valLoss(), r.get(i).valLoss(), 1e-6, "validation loss, epoch " + (i + 1));
        }

        assertEquals(resumed.history().best().valLoss(), validationLoss(ModelFile.load(run.resolve("model.zip"))),
                1e-6, "the run keeps the best average, scored on the centre hole");
        double trained = validationLoss(ModelFile.load(run.resolve("checkpoint").resolve("epoch-2.zip")));
        assertTrue(Math.abs(trained - r.get(1).valLoss()) > 1e-4, "validation scored the average, "
                + r.get(1).valLoss() + ", not the trained weights, " + trained);
        try (Stream<Path> files = Files.list(run.resolve("checkpoint"))) {
            assertEquals(List.of("ema-2.state", "epoch-2.zip", "state.properties"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    /** What the kill of a process that was writing a model and a text file leaves: 0-byte temporary files. */
    private static void leaveKilledTemporaryFiles(Path run) {
        try {
            Files.createDirectories(run.resolve("checkpoint"));
            Files.createFile(run.resolve("checkpoint").resolve(".model-1234.zip.part"));
            Files.createFile(run.resolve(".history.csv5678.part"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trains the tiny network for {@code epochs}, poisoning it after the last batch, up to the divergence. */
    private static TrainingDivergedException poisonedAtTheEnd(int epochs, Consumer<ComputationGraph> poison,
                                                             AtomicReference<InpaintingModel> made, Path dir) {
        TrainingConfig c = CONFIG.withEpochs(epochs);
        ProgressListener poisoner = new ProgressListener() {
            @Override
            public void batchDone(BatchProgress p) {
                if (p.epoch() == epochs && p.batch() == p.batches()) poison.accept(made.get().graph());
            }
        };
        return assertThrows(TrainingDivergedException.class,
                () -> new Trainer(c, poisoner).train(tiny(c, made), train, validation, MASK, dir));
    }

    @Test
    void anEpochWithANonFiniteValidationLossIsNotCommittedAndLeavesNoModel(@TempDir Path dir) {
        TrainingDivergedException e = poisonedAtTheEnd(1, graph -> graph.params().assign(Double.NaN),
                new AtomicReference<>(), dir);
        assertEquals("training diverged (the validation loss became NaN in epoch 1): no epoch finished without"
                + " diverging, so there is no model; lower the learning rate (now 0.001) or try another optimizer, in a"
                + " new output folder", e.getMessage());
        assertFalse(Files.exists(dir.resolve("model.zip")), "a diverged epoch never becomes the model");
        assertFalse(Files.exists(dir.resolve("checkpoint").resolve("state.properties")), "nor is it committed");
    }

    @Test
    void anEpochWithInfiniteWeightsIsNotCommittedEvenIfItsValidationLossIsFinite(@TempDir Path dir) {
        AtomicReference<InpaintingModel> made = new AtomicReference<>();
        // An infinite bias saturates the sigmoid: the outputs, and so the validation loss, stay finite.
        TrainingDivergedException e = poisonedAtTheEnd(2,
                graph -> graph.getLayer("conv").getParam("b").assign(Double.POSITIVE_INFINITY), made, dir);
        assertTrue(Double.isFinite(validationLoss(made.get())), "the validation loss alone would not show it");
        assertTrue(e.getMessage().startsWith("training diverged (the weights became NaN or infinite in epoch 2): the"
                + " run keeps its last good checkpoint, epoch 1;"), e.getMessage());
        LossHistory kept = LossHistory.read(dir.resolve("history.csv"));
        assertEquals(1, kept.size());
        assertEquals(kept.last().valLoss(), validationLoss(ModelFile.load(dir.resolve("model.zip"))), 1e-6);
    }

    /** Runs checkpointed before the weights files were named (checkpoint/last.zip) must still resume. */
    @Test
    void aRunCheckpointedInTheEarlierLayoutResumes(@TempDir Path dir) throws IOException {
        TrainingConfig two = CONFIG.withEpochs(2);
        List<EpochRecord> h = new Trainer(two, ProgressListener.SILENT)
                .train(tiny(two, new AtomicReference<>()), train, validation, MASK, dir.resolve("whole"))
                .history().records();
        Path run = dir.resolve("legacy");
        TrainingConfig one = CONFIG.withEpochs(1);
        new Trainer(one, ProgressListener.SILENT)
                .train(tiny(one, new AtomicReference<>()), train, validation, MASK, run);
        Path checkpoint = run.resolve("checkpoint");
        Files.move(checkpoint.resolve("epoch-1.zip"), checkpoint.resolve("last.zip"));
        Path state = checkpoint.resolve("state.properties");
        Files.write(state, Files.readAllLines(state).stream()
                .filter(l -> !l.startsWith("weights=") && !l.startsWith("best=")).toList());

        List<EpochRecord> r = new Trainer(two, ProgressListener.SILENT)
                .train(tiny(two, new AtomicReference<>()), train, validation, MASK, run).history().records();
        assertEquals(h.get(1).valLoss(), r.get(1).valLoss(), 1e-6, "epoch 2 trained on from epoch 1's weights");
        assertFalse(Files.exists(checkpoint.resolve("last.zip")), "replaced by epoch-2.zip");
    }

    @Test
    void resumingWithoutTheLearningRateDecayARunWasStartedWithIsRefused(@TempDir Path dir) {
        TrainingConfig decaying = CONFIG.withEpochs(1).withLrPatience(2);
        new Trainer(decaying, ProgressListener.SILENT)
                .train(tiny(decaying, new AtomicReference<>()), train, validation, MASK, dir);
        TrainingConfig constant = decaying.withLrPatience(0).withEpochs(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Trainer(constant,
                ProgressListener.SILENT).train(tiny(constant, new AtomicReference<>()), train, validation, MASK, dir));
        assertTrue(e.getMessage().contains("holds a run trained with lr_patience=2, not lr_patience=(none)"),
                e.getMessage());
    }

    @Test
    void resumingWithOtherSettingsIsRefused(@TempDir Path dir) {
        TrainingConfig one = CONFIG.withEpochs(1);
        new Trainer(one, ProgressListener.SILENT).train(fresh(one, new AtomicReference<>()), train, validation, MASK, dir);
        TrainingConfig other = one.withOptimizer(Optimizer.SGD, 0.01).withEpochs(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Trainer(other,
                ProgressListener.SILENT).train(fresh(other, new AtomicReference<>()), train, validation, MASK, dir));
        assertTrue(e.getMessage().contains("optimizer"), e.getMessage());
    }

    @Test
    void patienceStopsARunThatNoLongerImproves() {
        LossHistory h = new LossHistory();
        h.add(new EpochRecord(1, 0.05, 0.040, 1));
        h.add(new EpochRecord(2, 0.04, 0.030, 1));
        h.add(new EpochRecord(3, 0.03, 0.031, 1));
        h.add(new EpochRecord(4, 0.02, 0.032, 1));
        assertEquals(2, h.best().epoch());
        assertTrue(Trainer.patienceRunOut(h, 2), "two epochs without improvement");
        assertFalse(Trainer.patienceRunOut(h, 3));
        assertFalse(Trainer.patienceRunOut(h, 0), "patience 0 never stops");
    }

    @Test
    void theLearningRateHalvesAfterEachPlateauAndFollowsFromTheHistoryAlone() {
        TrainingConfig decaying = CONFIG.withLrPatience(2);
        LossHistory h = new LossHistory();
        double[] val = {0.040, 0.030, 0.031, 0.032, 0.033, 0.029, 0.035, 0.036};
        double[] expectedBefore = {1e-3, 1e-3, 1e-3, 1e-3, 5e-4, 5e-4, 5e-4, 5e-4};
        for (int i = 0; i < val.length; i++) {
            assertEquals(expectedBefore[i], Trainer.learningRate(h, decaying), 1e-12, "before epoch " + (i + 1));
            h.add(new EpochRecord(i + 1, 0.03, val[i], 1));
        }
        // Epochs 3-4 without a new best halve it; 5 does not (counted afresh); 6 is a new best; 7-8 halve again.
        assertEquals(2.5e-4, Trainer.learningRate(h, decaying), 1e-12);
        assertEquals(1e-3, Trainer.learningRate(h, CONFIG), 1e-12, "lr patience 0 keeps the rate");
    }

    @Test
    void aDecayingRunRecordsItsSchedulingInItsSettingsAndOthersDoNot() {
        assertEquals("2", CONFIG.withLrPatience(2).asMap().get("lr_patience"));
        assertFalse(CONFIG.asMap().containsKey("lr_patience"), "runs without decay keep the settings they always had");
    }

    @Test
    void aNewLearningRateReachesEveryLayerAndKeepsAdamsMoments() {
        InpaintingModel model = fresh(CONFIG, new AtomicReference<>()).get();
        org.deeplearning4j.nn.graph.ComputationGraph graph = model.graph();
        org.nd4j.linalg.dataset.DataSet batch = new org.nd4j.linalg.dataset.DataSet(
                org.nd4j.linalg.factory.Nd4j.rand(4, 3, 32, 32), org.nd4j.linalg.factory.Nd4j.rand(4, 3 * 16 * 16));
        graph.fit(batch);
        org.nd4j.linalg.api.ndarray.INDArray moments = graph.getUpdater().getStateViewArray().dup();
        assertTrue(moments.amaxNumber().doubleValue() > 0, "one step leaves Adam's moments non-zero");

        assertTrue(Trainer.setLearningRate(graph, 2.5e-4), "a new rate is a change");
        assertFalse(Trainer.setLearningRate(graph, 2.5e-4), "the same rate again is not");

        for (var layer : graph.getLayers()) {
            Double rate = graph.getLearningRate(layer.conf().getLayer().getLayerName());
            if (rate != null) assertEquals(2.5e-4, rate, 1e-12, layer.conf().getLayer().getLayerName());
        }
        assertEquals(moments, graph.getUpdater().getStateViewArray(), "the optimizer state survives the change");

        // The rate is set in place, so it must reach the optimizer's update (DL4J's Adam moves by 1e-8 at rate 0).
        for (double rate : new double[]{0, 1e-2}) {
            Trainer.setLearningRate(graph, rate);
            org.nd4j.linalg.api.ndarray.INDArray before = graph.getLayer("enc1_conv").getParam("W").dup();
            graph.fit(batch);
            double moved = before.sub(graph.getLayer("enc1_conv").getParam("W")).amaxNumber().doubleValue();
            assertTrue(rate == 0 ? moved < 1e-6 : moved > 1e-4, "at rate " + rate + " the weights moved by " + moved);
        }
    }

    @Test
    void theTrainingLossOfAdamWIsTheMseWithoutItsWeightDecayPenalty(@TempDir Path dir) {
        TrainingConfig adamw = CONFIG.withOptimizer(Optimizer.ADAMW, 1e-3).withEpochs(1);
        TrainingResult r = new Trainer(adamw, ProgressListener.SILENT)
                .train(fresh(adamw, new AtomicReference<>()), train, validation, MASK, dir);
        double trainLoss = r.history().last().trainLoss();
        // DL4J's score would add 0.005 * |w|^2, about 20 for this network: far above any MSE of pixels in [0,1].
        assertTrue(trainLoss > 0 && trainLoss < 0.2, "a per-pixel MSE, got " + trainLoss);
    }
}
