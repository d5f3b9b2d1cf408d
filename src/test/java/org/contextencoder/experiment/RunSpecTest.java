package org.contextencoder.experiment;

import org.contextencoder.model.Architecture;
import org.contextencoder.train.Recipe;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
