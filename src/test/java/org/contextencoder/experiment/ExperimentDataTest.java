package org.contextencoder.experiment;

import org.contextencoder.ImageKeys;
import org.contextencoder.SharedData;
import org.contextencoder.data.Cifar10;
import org.contextencoder.data.ImageFolder;
import org.contextencoder.data.ImageSet;
import org.contextencoder.data.Split;
import org.contextencoder.mask.HoleFill;
import org.contextencoder.train.Optimizer;
import org.contextencoder.train.Recipe;
import org.contextencoder.train.TrainingConfig;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The validation split on the real data: where it comes from, how large, and that it is no other split's. */
class ExperimentDataTest {

    private static Datasets load(Experiment e, int trainLimit, int testLimit, ValidationSplit validation) {
        return ExperimentData.load(e, SharedData.root(), null, trainLimit, testLimit, ImageFolder.SPLIT_SEED,
                validation);
    }

    /** No image in two of the splits, and the validation images are held out of the training split. */
    private static void assertDisjoint(Datasets d) {
        List<String> train = ImageKeys.of(d.train());
        List<String> validation = ImageKeys.of(d.validation());
        List<String> test = ImageKeys.of(d.test());
        assertTrue(Collections.disjoint(new HashSet<>(train), validation), "validation images are not trained on");
        assertTrue(Collections.disjoint(new HashSet<>(test), validation), "validation images are not test images");
        assertTrue(Collections.disjoint(new HashSet<>(test), train), "test images are not trained on");
    }

    @Test
    void generalHoldsOutTheLast5000OfCifarsTrainingImages() {
        Datasets d = load(Experiment.GENERAL, 0, 0, ValidationSplit.HOLDOUT);
        assertEquals(45_000, d.train().count());
        assertEquals(5_000, d.validation().count());
        assertEquals(10_000, d.test().count());
        ImageSet all = Cifar10.open(SharedData.root()).split(Split.TRAIN);
        assertEquals(ImageKeys.of(all.slice(45_000, 50_000)), ImageKeys.of(d.validation()));
        assertDisjoint(d);

        Datasets limited = load(Experiment.GENERAL, 100, 20, ValidationSplit.HOLDOUT);
        assertEquals(ImageKeys.of(all.slice(0, 100)), ImageKeys.of(limited.train()), "the limit counts after the cut");
        assertEquals(ImageKeys.of(all.slice(45_000, 45_020)), ImageKeys.of(limited.validation()));
        assertEquals(20, limited.test().count());
    }

    @Test
    void truckHoldsOutTheLastTenthOfTheClassAndTheTestProtocolValidatesOnTheTestImages() {
        Datasets d = load(Experiment.TRUCK, 0, 0, ValidationSplit.HOLDOUT);
        assertEquals(4_500, d.train().count());
        assertEquals(500, d.validation().count());
        assertEquals(1_000, d.test().count());
        assertDisjoint(d);
        assertEquals(ImageKeys.of(d.validation()), ImageKeys.of(load(Experiment.TRUCK, 0, 0,
                ValidationSplit.HOLDOUT).validation()), "the same images for every run");

        Datasets committed = load(Experiment.TRUCK, 0, 0, ValidationSplit.TEST);
        assertEquals(5_000, committed.train().count(), "all the class's training images, as before the choice");
        assertSame(committed.test(), committed.validation());
    }

    @Test
    void landmarkHoldsOutATenthOfTheTrainingPhotos() {
        Datasets d = load(Experiment.LANDMARK, 0, 0, ValidationSplit.HOLDOUT);
        assertEquals(2_160, d.train().count());
        assertEquals(240, d.validation().count());
        assertEquals(600, d.test().count());
        assertDisjoint(d);
    }

    /** Scene crops follow CIFAR-10's training images; validation and test stay CIFAR-10's, and the source says so. */
    @Test
    void sceneCropsJoinOnlyTheTrainingImagesMadeFromTheSeed() {
        RunSpec spec = RunSpec.of(Experiment.GENERAL, 1, SharedData.root()).withLimits(100, 20);
        Datasets plain = ExperimentData.load(spec);
        Recipe crops = Recipe.PAPER.withSceneCrops(50);
        Datasets mixed = ExperimentData.load(spec.withRecipe(crops));
        assertEquals(150, mixed.train().count());
        assertEquals(ImageKeys.of(plain.train()), ImageKeys.of(mixed.train().slice(0, 100)));
        assertEquals(ImageKeys.of(plain.validation()), ImageKeys.of(mixed.validation()));
        assertEquals(ImageKeys.of(plain.test()), ImageKeys.of(mixed.test()));
        List<String> scenes = ImageKeys.of(mixed.train().slice(100, 150));
        assertTrue(Collections.disjoint(scenes, ImageKeys.of(plain.train())));
        assertEquals(scenes, ImageKeys.of(ExperimentData.load(spec.withRecipe(crops)).train().slice(100, 150)));
        RunSpec otherSeed = spec.withTraining(new TrainingConfig(1, 64, Optimizer.ADAM, 1e-3, 7, 0,
                HoleFill.Choice.MEAN, true, 0, crops));
        assertTrue(Collections.disjoint(scenes, ImageKeys.of(ExperimentData.load(otherSeed).train().slice(100, 150))));
        assertTrue(mixed.source().startsWith(plain.source() + "; training images also 50 random crops of the training"
                + " photos (less the validation ones) in " + SharedData.scenes() + ", validation and test images"
                + " CIFAR-10's only"), mixed.source());
    }
}
