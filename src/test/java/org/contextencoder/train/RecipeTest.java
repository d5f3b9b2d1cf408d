package org.contextencoder.train;

import org.contextencoder.mask.CenterMask;
import org.contextencoder.mask.Hole;
import org.contextencoder.mask.Mask;
import org.contextencoder.model.Architecture;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecipeTest {

    private static final TrainingConfig PAPER = TrainingConfig.paperDefaults(8, 64);
    private static final CenterMask CENTRE = new CenterMask(32, 16);

    @Test
    void theCosineScheduleWarmsUpOverTheFirstEpochThenFallsToNearlyZeroAtTheLastBatch() {
        Recipe.Schedule cosine = Recipe.Schedule.COSINE;
        for (int b = 0; b < 4; b++) {
            assertEquals(2.5e-4 * (b + 1), cosine.rate(1e-3, 1, b, 4, 3), 1e-15, "warm-up, batch " + b);
        }
        assertEquals(1e-3, cosine.rate(1e-3, 2, 0, 4, 3), 1e-15, "the whole rate once warmed up");
        assertEquals(5e-4, cosine.rate(1e-3, 3, 0, 4, 3), 1e-15, "half of it half way through the decay");
        double previous = 1e-3;
        for (int epoch = 2; epoch <= 3; epoch++) {
            for (int b = epoch == 2 ? 1 : 0; b < 4; b++) {
                double rate = cosine.rate(1e-3, epoch, b, 4, 3);
                assertTrue(rate < previous, "falls at epoch " + epoch + ", batch " + b);
                previous = rate;
            }
        }
        assertEquals(1e-3 * (1 + Math.cos(Math.PI * 7 / 8)) / 2, previous, 1e-15, "nearly 0 at the last batch");
        assertEquals(1e-3, Recipe.Schedule.CONSTANT.rate(1e-3, 3, 2, 4, 3));
    }

    @Test
    void aRunRecordsOnlyTheChoicesThatDifferFromThePapersAndACosineScheduleItsEpochs() {
        Map<String, String> paper = PAPER.asMap();
        for (String key : List.of("train_holes", "scene_crops", "schedule", "schedule_epochs", "ema")) {
            assertTrue(!paper.containsKey(key), key + " is not in the settings of a run without it");
        }
        Map<String, String> all = PAPER.withRecipe(new Recipe(Recipe.Holes.RANDOM, 5000, Recipe.Schedule.COSINE,
                0.999)).asMap();
        assertEquals("random", all.get("train_holes"));
        assertEquals("5000", all.get("scene_crops"));
        assertEquals("cosine", all.get("schedule"));
        assertEquals("8", all.get("schedule_epochs"));
        assertEquals("0.999", all.get("ema"));
        assertEquals(paper.get("learning_rate"), all.get("learning_rate"));
    }

    @Test
    void randomTrainingHolesMoveEveryEpochTheSameWayForTheSameSeedAndCentreHolesStay() {
        Recipe random = Recipe.PAPER.withHoles(Recipe.Holes.RANDOM);
        assertSame(CENTRE, Recipe.PAPER.trainingMask(CENTRE, 1, 3));
        List<Hole> epoch1 = holes(random.trainingMask(CENTRE, 1, 1));
        assertEquals(epoch1, holes(random.trainingMask(CENTRE, 1, 1)), "the same seed and epoch, the same holes");
        List<Hole> epoch2 = holes(random.trainingMask(CENTRE, 1, 2));
        List<Hole> otherSeed = holes(random.trainingMask(CENTRE, 2, 1));
        long moved = IntStream.range(0, 200).filter(i -> !epoch1.get(i).equals(epoch2.get(i))).count();
        long differ = IntStream.range(0, 200).filter(i -> !epoch1.get(i).equals(otherSeed.get(i))).count();
        assertTrue(moved > 190 && differ > 190, moved + " of 200 holes moved in epoch 2, " + differ + " differ by seed");
        Set<Integer> corners = new HashSet<>();
        for (Hole h : epoch1) {
            assertEquals(16, h.size());
            assertTrue(h.x() >= 0 && h.y() >= 0 && h.x() + 16 <= 32 && h.y() + 16 <= 32, "inside the image: " + h);
            corners.add(h.x());
        }
        assertEquals(17, corners.size(), "every column from the left edge to the right one");
    }

    private static List<Hole> holes(Mask mask) {
        return IntStream.range(0, 200).mapToObj(mask::hole).toList();
    }

    @Test
    void choicesThatCannotWorkAreRefusedInOneSentence() {
        assertEquals("a cosine schedule sets the learning rate of every batch, so it cannot also halve on plateaus:"
                + " drop --lr-patience (or give 0), or use --schedule constant", assertThrows(
                IllegalArgumentException.class, () -> PAPER.withRecipe(Recipe.PAPER.withSchedule(Recipe.Schedule.COSINE))
                        .withLrPatience(2)).getMessage());
        assertEquals("the weight average's decay must be at least 0 (no average) and below 1, such as 0.999, not 1.0",
                assertThrows(IllegalArgumentException.class, () -> Recipe.PAPER.withEma(1)).getMessage());
        assertEquals("a number of scene crops of -1 is not possible: give 0 (none) or a positive number",
                assertThrows(IllegalArgumentException.class, () -> Recipe.PAPER.withSceneCrops(-1)).getMessage());
        assertEquals("unknown training holes 'edge': use center or random",
                assertThrows(IllegalArgumentException.class, () -> Recipe.Holes.parse("edge")).getMessage());
        assertEquals("unknown schedule 'linear': use constant or cosine",
                assertThrows(IllegalArgumentException.class, () -> Recipe.Schedule.parse("linear")).getMessage());

        Recipe random = Recipe.PAPER.withHoles(Recipe.Holes.RANDOM);
        random.requireFits(Architecture.CE32);
        Recipe.PAPER.requireFits(Architecture.UNET32);
        assertEquals("random training holes need a model that fills a hole wherever it is, and unet32's skip"
                + " connections are cropped to the centre: use ce32, or --train-holes center", assertThrows(
                IllegalArgumentException.class, () -> random.requireFits(Architecture.UNET32)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> random.requireFits(Architecture.UNET128));
    }
}
