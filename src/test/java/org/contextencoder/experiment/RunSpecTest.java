package org.contextencoder.experiment;

import org.contextencoder.model.Architecture;
import org.contextencoder.train.Recipe;
import org.contextencoder.mask.HoleFill;
import org.contextencoder.model.Discriminator;
import org.contextencoder.model.InpaintingModel;
import org.contextencoder.model.ModelFile;
import org.contextencoder.train.Optimizer;
import org.contextencoder.train.TrainingConfig;
import org.contextencoder.train.TrainingLoss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.Adam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunSpecTest {

    private static final Path ROOT = Path.of("/data");

    @Test
    void theEpochsThePatienceAndWhereTheDataLivesMayChangeOnAResumeAndNothingElse() {
        RunSpec truck = RunSpec.of(Experiment.TRUCK, 20, ROOT);
        RunSpec longer = RunSpec.of(Experiment.TRUCK, 60, Path.of("/copy"))
                .withTraining(truck.training().withEpochs(60).withPatience(6));
        assertEquals(RunSpec.shaping(truck.asMap()), RunSpec.shaping(longer.asMap()));

        Map<String, String> fewer = RunSpec.shaping(truck.withLimits(500, 100).asMap());
        assertEquals("500", fewer.get("train_limit"));
        assertEquals("100", fewer.get("test_limit"));
        assertEquals("truck", fewer.get("experiment"));
        assertEquals("0.001", fewer.get("learning_rate"));
    }

    @Test
    void anL2RunRecordsNoLossSettingsAndAJointRunRecordsAndComparesItsOwn() {
        RunSpec l2 = RunSpec.of(Experiment.TRUCK, 20, ROOT);
        assertFalse(l2.asMap().keySet().stream().anyMatch(k -> k.contains("loss") || k.contains("adv")
                || k.contains("discriminator") || k.contains("beta") || k.startsWith("init")),
                "run folders from before the choice keep their settings: " + l2.asMap());
        RunSpec joint = l2.withJointLoss(0.001);
        Map<String, String> m = joint.asMap();
        assertEquals("joint", m.get("loss"));
        assertEquals("0.001", m.get("adv_weight"));
        assertEquals("patch", m.get("discriminator"));
        assertEquals("0.5", m.get("adam_beta1"));
        assertEquals("0.1", m.get("discriminator_lr_ratio"));
        assertNotEquals(RunSpec.shaping(l2.asMap()), RunSpec.shaping(m));
        assertNotEquals(RunSpec.shaping(m), RunSpec.shaping(l2.withJointLoss(0.01).asMap()));
        assertNotEquals(RunSpec.shaping(m), RunSpec.shaping(l2.withLoss(TrainingLoss.joint(0.001,
                Discriminator.Choice.CONTEXT)).asMap()));
    }

    @Test
    void theJointLossTrainsWithAdamAndAWeightInZeroToOne() {
        RunSpec sgd = RunSpec.of(Experiment.TRUCK, 20, ROOT).withTraining(TrainingConfig.paperDefaults(20, 64)
                .withOptimizer(Optimizer.SGD, 0.01));
        assertEquals("the joint loss trains with Adam at beta1 0.5 (Pathak et al.), so its optimizer is adam or adamw,"
                + " not sgd", assertThrows(IllegalArgumentException.class, () -> sgd.withJointLoss(0.001)).getMessage());
        assertEquals("the adversarial weight is the adversarial term's share of the generator's loss, so it must lie in"
                + " [0, 1] (Pathak et al.'s is 0.001), not 1.5", assertThrows(IllegalArgumentException.class,
                () -> RunSpec.of(Experiment.TRUCK, 20, ROOT).withJointLoss(1.5)).getMessage());
    }

    /** A run started from a model is tied to that model's contents, wherever the file lies. */
    @Test
    void aStartingModelIsRecordedByPathAndContentsAndComparedByContents(@TempDir Path dir) throws IOException {
        InpaintingModel model = new InpaintingModel(Architecture.CE32.build(5, new Adam(1e-3), 0, 16),
                Architecture.CE32, 16, new HoleFill.Solid(new float[]{0.4f, 0.5f, 0.6f}));
        Path file = dir.resolve("model.zip");
        ModelFile.save(model, file, false);
        Path copy = Files.copy(file, dir.resolve("copy.zip"));
        RunSpec truck = RunSpec.of(Experiment.TRUCK, 20, ROOT);
        Map<String, String> started = truck.withInitFrom(file).asMap();
        assertEquals(file.toString(), started.get("init_from"));
        assertEquals(StartingModel.of(file).sha256(), started.get("init_from_sha256"));
        assertEquals(RunSpec.shaping(started), RunSpec.shaping(truck.withInitFrom(copy).asMap()));
        assertNotEquals(RunSpec.shaping(started), RunSpec.shaping(truck.asMap()));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> truck.withInitFrom(file)
                .withArchitecture(Architecture.UNET32)).getMessage().contains("holds a ce32 model"));
    }

    @Test
    void aRunOnPhotosIsTiedToItsPhotoFolderHoweverTheFolderWasGiven() {
        RunSpec landmark = RunSpec.of(Experiment.LANDMARK, 20, ROOT);
        Map<String, String> saved = landmark.asMap();
        assertEquals(RunSpec.shaping(saved), RunSpec.shaping(landmark.withPhotos(Path.of("/data/./scenes")).asMap()),
                "the default folder, named or not");
        assertEquals("/data/scenes", RunSpec.shaping(saved).get("photos"));
        assertEquals("/other", RunSpec.shaping(landmark.withPhotos(Path.of("/other")).asMap()).get("photos"));
    }

    @Test
    void aHoleTheModelCannotPredictNegativeLimitsAndPhotosForCifarAreRefused() {
        RunSpec truck = RunSpec.of(Experiment.TRUCK, 20, ROOT);
        assertEquals("the 32x32 models predict a 16x16 centre, so their hole must be 16 px, not 40",
                assertThrows(IllegalArgumentException.class, () -> truck.withHole(40)).getMessage());
        assertEquals("the 128x128 model needs a hole that is a multiple of 4 below 128 (the paper's are 32 and 64),"
                + " not 30", assertThrows(IllegalArgumentException.class,
                () -> RunSpec.of(Experiment.LANDMARK, 20, ROOT).withHole(30)).getMessage());
        assertEquals("a training image limit of -5 is not possible: give 0 (all images) or a positive number",
                assertThrows(IllegalArgumentException.class, () -> truck.withLimits(-5, 0)).getMessage());
        assertEquals("a test image limit of -1 is not possible: give 0 (all images) or a positive number",
                assertThrows(IllegalArgumentException.class, () -> truck.withLimits(0, -1)).getMessage());
        assertEquals("the truck experiment reads CIFAR-10 from the data folder, not photos: give a photo folder only"
                + " to the landmark experiment", assertThrows(IllegalArgumentException.class,
                () -> truck.withPhotos(Path.of("/photos"))).getMessage());
    }

    @Test
    void theRecipeShapesTheRunACosineScheduleWithItsEpochsAndChoicesThatCannotWorkAreRefused() {
        RunSpec general = RunSpec.of(Experiment.GENERAL, 8, ROOT);
        RunSpec cosine = general.withRecipe(Recipe.PAPER.withSchedule(Recipe.Schedule.COSINE));
        assertEquals("cosine", RunSpec.shaping(cosine.asMap()).get("schedule"));
        assertNotEquals(RunSpec.shaping(cosine.asMap()), RunSpec.shaping(cosine.withTraining(cosine.training()
                .withEpochs(10)).asMap()), "a cosine schedule runs over the epochs, so they shape the run");
        assertEquals("5000", RunSpec.shaping(general.withRecipe(Recipe.PAPER.withSceneCrops(5000)).asMap())
                .get("scene_crops"));

        Recipe random = Recipe.PAPER.withHoles(Recipe.Holes.RANDOM);
        String noSkips = "random training holes need a model that fills a hole wherever it is, and unet32's skip"
                + " connections are cropped to the centre: use ce32, or --train-holes center";
        assertEquals(noSkips, assertThrows(IllegalArgumentException.class,
                () -> general.withArchitecture(Architecture.UNET32).withRecipe(random)).getMessage());
        assertEquals(noSkips, assertThrows(IllegalArgumentException.class,
                () -> general.withRecipe(random).withArchitecture(Architecture.UNET32)).getMessage());
        assertEquals("scene crops add the landmark training photos to CIFAR-10's images, and the landmark experiment"
                + " trains on photos already: give --scene-crops only to the general and truck experiments",
                assertThrows(IllegalArgumentException.class, () -> RunSpec.of(Experiment.LANDMARK, 8, ROOT)
                        .withRecipe(Recipe.PAPER.withSceneCrops(10))).getMessage());
    }
}
