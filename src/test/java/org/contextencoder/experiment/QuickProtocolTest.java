package org.contextencoder.experiment;

import org.contextencoder.SharedData;
import org.contextencoder.cli.Main;
import org.contextencoder.eval.Baseline;
import org.contextencoder.eval.Evaluator;
import org.contextencoder.eval.InferenceOptions;
import org.contextencoder.eval.ModelInpainter;
import org.contextencoder.model.InpaintingModel;
import org.contextencoder.train.BatchProgress;
import org.contextencoder.train.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuickProtocolTest {

    private static QuickProtocol.Candidate candidate(String name) {
        return QuickProtocol.CANDIDATES.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theFullBudgetIsFixedAndEachCandidateChangesOneThing(@TempDir Path dir) {
        QuickProtocol full = new QuickProtocol(Scale.from(Map.of(), dir), SharedData.root());
        RunSpec base = full.base();
        assertEquals(QuickProtocol.FULL_TRAIN, base.trainLimit());
        assertEquals(QuickProtocol.FULL_EPOCHS, base.training().epochs());
        assertEquals(QuickProtocol.SEED, base.training().seed());
        assertEquals(0, base.training().patience());
        assertEquals(0, base.training().lrPatience());
        assertEquals(ValidationSplit.HOLDOUT, base.validation());
        assertEquals("ce32", QuickProtocol.CANDIDATES.get(0).name(), "the paper's model comes first");

        RunSpec crops = full.spec(candidate("ce32-scene-crops"));
        assertEquals(QuickProtocol.FULL_TRAIN / 2, crops.trainLimit());
        assertEquals(QuickProtocol.FULL_TRAIN / 2, crops.training().recipe().sceneCrops(), "the same images per epoch");
        Map<String, String> baseSettings = RunSpec.shaping(base.asMap());
        for (QuickProtocol.Candidate c : QuickProtocol.SINGLE_CHANGES) {
            Map<String, String> changed = changes(baseSettings, RunSpec.shaping(full.spec(c).asMap()));
            assertTrue(changed.size() <= 3, c.name() + " changes " + changed);
        }
        Map<String, String> together = new HashMap<>();
        for (String single : List.of("dilated32", "ce32-cosine", "ce32-ema", "ce32-scene-crops")) {
            together.putAll(changes(baseSettings, RunSpec.shaping(full.spec(candidate(single)).asMap())));
        }
        assertEquals(together, changes(baseSettings,
                        RunSpec.shaping(full.spec(candidate("dilated32-ema-cosine-scene-crops")).asMap())),
                "a combination makes exactly the changes of its single candidates");
        assertEquals(full.folder(candidate("dilated32-ema-cosine")),
                full.folder(candidate("dilated32-ema-cosine+flip+poisson")));
        assertEquals(full.folder(candidate("ce32")), full.folder(candidate("ce32+flip")),
                "an inference option uses the paper's model's run");
        assertEquals(dir.resolve("runs/07-quick/ce32-seed1"), full.folder(candidate("ce32")));
        assertEquals(QuickProtocol.CANDIDATES, full.candidates());

        RunSpec winner = full.winner(Experiment.GENERAL);
        RunSpec photos = full.photoWinner();
        assertEquals(Map.of("train_limit", "22500", "scene_crops", "22500"),
                changes(RunSpec.shaping(winner.asMap()), RunSpec.shaping(photos.asMap())),
                "the photo model is the winner with half its 45,000 images crops of the training photos");
        assertEquals(winner.training().epochs(), photos.training().epochs());
        Scale fullScale = Scale.from(Map.of(), dir);
        assertEquals(List.of(dir.resolve("runs/general-best"), dir.resolve("runs/truck-best"), dir.resolve("runs/photos-best")),
                List.of(QuickProtocol.winnerFolder(fullScale, Experiment.GENERAL),
                        QuickProtocol.winnerFolder(fullScale, Experiment.TRUCK), QuickProtocol.photoWinnerFolder(fullScale)));
        QuickProtocol small = new QuickProtocol(Scale.from(Map.of("WORKBENCH_SCALE", "small"), dir), SharedData.root());
        assertEquals(QuickProtocol.SMALL, small.candidates().stream().map(QuickProtocol.Candidate::name).toList());
    }

    /** The settings of {@code run} that differ from {@code base}'s or that {@code base} does not have. */
    private static Map<String, String> changes(Map<String, String> base, Map<String, String> run) {
        Map<String, String> changed = new HashMap<>();
        run.forEach((k, v) -> {
            if (!v.equals(base.get(k))) changed.put(k, v);
        });
        base.keySet().stream().filter(k -> !run.containsKey(k)).forEach(k -> changed.put(k, "(none)"));
        return changed;
    }

    /**
     * A run the command line trained with the protocol's settings is the candidate's run: the protocol reuses it, and
     * scores it on the held-out validation images and photos.
     */
    @Test
    void aCommandLineRunWithTheSameSettingsIsReusedAndScoredOnImagesThatChoseNothing(@TempDir Path dir) {
        Scale small = Scale.from(Map.of("WORKBENCH_SCALE", "small", "DATASET_LIMIT", "32", "TEST_LIMIT", "8"), dir);
        QuickProtocol protocol = new QuickProtocol(small, SharedData.root());
        QuickProtocol.Candidate paper = candidate("ce32");
        assertEquals(0, Main.run("train", "--experiment", "general", "--train-limit", "32", "--test-limit", "8",
                "--epochs", "1", "--patience", "0", "--lr-patience", "0", "--seed", "1",
                "--data-dir", SharedData.root().toString(), "--out", protocol.folder(paper).toString()));
        AtomicInteger batches = new AtomicInteger();
        ProgressListener counting = new ProgressListener() {
            @Override
            public void batchDone(BatchProgress progress) {
                batches.incrementAndGet();
            }
        };

        QuickProtocol.Result result = protocol.run(List.of(paper, candidate("ce32+poisson")), counting);

        assertEquals(0, batches.get(), "the command line's run is reused, not trained again");
        assertEquals(List.of(protocol.folder(paper)), result.folders());
        Table table = result.table();
        assertEquals(List.of("ce32", "ce32+poisson"), table.stringColumn("candidate").asList());
        assertEquals(0.0, table.doubleColumn("vs_paper").get(0));
        QuickProtocol.Outcome outcome = result.outcomes().get(0);
        assertEquals(outcome.history().best().valLoss(), outcome.validationMse(), 1e-6,
                "the trained model's figure is the one its run chose its epoch by (the history keeps 6 decimals)");
        InpaintingModel model = RunFolder.model(protocol.folder(paper));
        var photos = Generalisation.scenesValidation(SharedData.root(), 32, 8).images();
        assertEquals(8, photos.count());
        assertEquals(new Evaluator(256).score(Baseline.harmonic(), photos, model.mask()).maskedMse(),
                outcome.harmonicPhotoMse(), 1e-9);
        assertTrue(outcome.photoGain() < 1 && outcome.validationGain() < 1);
        assertTrue(result.outcomes().get(1).validationMse() != outcome.validationMse(),
                "Poisson compositing changes the fill");

        Generalisation.Images unseen = Generalisation.unseenPhotos(SharedData.root(), 32, 8);
        List<Generalisation.Row> rows = result.generalisation(new Generalisation(List.of(
                Generalisation.cifar10Test(SharedData.root(), 8), unseen)));
        assertEquals(List.of("ce32/cifar10-test/true", "ce32/unseen-photos-32/false",
                        "ce32+poisson/cifar10-test/true", "ce32+poisson/unseen-photos-32/false"),
                rows.stream().map(r -> r.model() + "/" + r.images() + "/" + r.trainedOnThese()).toList());
        assertEquals(new Evaluator(8).score(new InferenceOptions(false, true).around(new ModelInpainter(model)),
                unseen.images(), model.mask()).maskedMse(), rows.get(3).maskedMse(), 1e-9);
    }
}
