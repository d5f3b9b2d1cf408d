package org.contextencoder.experiment;

import org.contextencoder.model.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScaleTest {

    private static final Path DATA = Path.of("data");

    @Test
    void fullIsTheDefaultAndWritesIntoTheProject(@TempDir Path project) throws Exception {
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Path notebooks = Files.createDirectories(project.resolve("notebooks"));

        Scale scale = Scale.from(Map.of(), notebooks);

        assertTrue(scale.isFull());
        assertEquals(0, scale.trainLimit());
        assertEquals(0, scale.photoTrainLimit());
        assertEquals(Scale.FULL_SWEEP_TRAIN, scale.sweepTrainLimit());
        assertEquals(Scale.FULL_SWEEP_TEST, scale.sweepTestLimit());
        assertEquals(project.resolve("runs").resolve("general"), scale.runFolder("general"));
        assertEquals(project.resolve("figures"), scale.figures());
        RunSpec spec = scale.spec(Experiment.GENERAL, DATA);
        assertTrue(spec.training().patience() > 0, "full runs stop when validation stops improving");
        assertTrue(spec.training().lrPatience() > 0 && spec.training().lrPatience() < spec.training().patience(),
                "full runs halve the learning rate on a plateau before they stop");
        assertEquals(16, spec.hole());
        assertEquals(64, spec.training().batchSize());
        assertEquals(16, scale.spec(Experiment.LANDMARK, DATA).training().batchSize());
    }

    /** A 128 px run at full scale fits the session that starts it; the 32 px runs train until they stop improving. */
    @Test
    void atFullScaleThePhotoRunsAreCapped(@TempDir Path project) {
        Scale full = Scale.from(Map.of(), project);
        assertEquals(60, full.spec(Experiment.GENERAL, DATA).training().epochs());
        assertEquals(Scale.FULL_PHOTO_EPOCHS, full.spec(Experiment.LANDMARK, DATA).training().epochs());
        assertEquals(Scale.FULL_PHOTO_EPOCHS, full.spec(Experiment.LANDMARK, DATA).withHole(64).training().epochs());
        assertEquals(8, Scale.from(Map.of("MAX_EPOCH", "8"), project).spec(Experiment.LANDMARK, DATA).training().epochs(),
                "MAX_EPOCH still lowers the cap");
        assertEquals(3, Scale.from(Map.of("WORKBENCH_SCALE", "small", "MAX_EPOCH", "3"), project)
                .spec(Experiment.LANDMARK, DATA).training().epochs(), "the small scale's epochs are its own");
    }

    /** The notebooks never select on the test split: every run they train validates on a held-out split. */
    @Test
    void theNotebooksRunsValidateOnAHeldOutSplit(@TempDir Path project) {
        for (Scale scale : List.of(Scale.from(Map.of(), project), Scale.from(Map.of("WORKBENCH_SCALE", "small"), project))) {
            for (Experiment e : Experiment.values()) {
                assertEquals(ValidationSplit.HOLDOUT, scale.spec(e, DATA).validation(), e.id());
            }
            assertEquals(ValidationSplit.HOLDOUT, scale.sweepSpec(Experiment.GENERAL, DATA).validation());
        }
    }

    @Test
    void smallIsOneEpochOnAFewImagesUnderTarget(@TempDir Path project) throws Exception {
        Files.writeString(project.resolve("pom.xml"), "<project/>");

        Scale scale = Scale.from(Map.of("WORKBENCH_SCALE", "Small"), project);

        assertFalse(scale.isFull());
        RunSpec general = scale.spec(Experiment.GENERAL, DATA);
        assertEquals(1, general.training().epochs());
        assertEquals(256, general.trainLimit());
        assertEquals(64, general.testLimit());
        RunSpec landmark = scale.spec(Experiment.LANDMARK, DATA);
        assertEquals(Scale.SMALL_PHOTO_TRAIN, landmark.trainLimit(), "the 128 px model gets fewer images");
        assertEquals(Scale.SMALL_PHOTO_TEST, landmark.testLimit());
        assertEquals(32, landmark.hole());
        assertEquals(project.resolve("target").resolve("runs"), scale.runs());
        assertEquals(project.resolve("target").resolve("figures"), scale.figures());
    }

    @Test
    void singleKnobsOverrideTheScale(@TempDir Path project) {
        Scale scale = Scale.from(Map.of("WORKBENCH_SCALE", "small", "MAX_EPOCH", "3", "DATASET_LIMIT", "500",
                "TEST_LIMIT", "100", "PHOTO_LIMIT", "40", "SWEEP_LIMIT", "64", "SWEEP_EPOCHS", " 2 ",
                "WORKBENCH_RUNS", "/tmp/r", "WORKBENCH_FIGURES", "/tmp/f"), project);

        assertEquals(3, scale.spec(Experiment.TRUCK, DATA).training().epochs());
        assertEquals(500, scale.spec(Experiment.TRUCK, DATA).trainLimit());
        assertEquals(100, scale.spec(Experiment.TRUCK, DATA).testLimit());
        assertEquals(40, scale.spec(Experiment.LANDMARK, DATA).trainLimit());
        assertEquals(64, scale.sweepSpec(Experiment.GENERAL, DATA).trainLimit());
        assertEquals(2, scale.sweepSpec(Experiment.GENERAL, DATA).training().epochs());
        assertEquals(Path.of("/tmp/r"), scale.runs());
        assertEquals(Path.of("/tmp/f"), scale.figures());
    }

    @Test
    void atFullScaleThePhotosFollowTheDatasetLimits(@TempDir Path project) {
        Scale scale = Scale.from(Map.of("DATASET_LIMIT", "1000", "TEST_LIMIT", "200"), project);

        RunSpec landmark = scale.spec(Experiment.LANDMARK, DATA);
        assertEquals(1000, landmark.trainLimit());
        assertEquals(200, landmark.testLimit());
    }

    @Test
    void theSweepTrainsAFixedBudgetWithoutEarlyStopping(@TempDir Path project) {
        RunSpec sweep = Scale.from(Map.of(), project).sweepSpec(Experiment.GENERAL, DATA);
        assertEquals(10, sweep.training().epochs());
        assertEquals(0, sweep.training().patience());
    }

    @Test
    void badValuesSayWhatIsExpected(@TempDir Path project) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scale.from(Map.of("WORKBENCH_SCALE", "huge"), project));
        assertEquals("WORKBENCH_SCALE must be small or full, not 'huge'", e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> Scale.from(Map.of("MAX_EPOCH", "ten"), project));
        assertEquals("MAX_EPOCH must be a whole number of at least 0, not 'ten'", e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> Scale.from(Map.of("DATASET_LIMIT", "-5"), project));
        assertTrue(e.getMessage().startsWith("DATASET_LIMIT must be"), e.getMessage());
    }

    @Test
    void aHoleOtherThanThePapersGetsItsOwnSettingName(@TempDir Path project) {
        RunSpec spec = Scale.from(Map.of(), project).spec(Experiment.LANDMARK, DATA);
        assertEquals("landmark", spec.setting());
        assertEquals("landmark-hole64", spec.withHole(64).setting());
    }

    @Test
    void anotherModelGetsItsOwnSettingNameAndMustTakeTheExperimentsImages(@TempDir Path project) {
        RunSpec truck = Scale.from(Map.of(), project).spec(Experiment.TRUCK, DATA);
        assertEquals("truck-unet32", truck.withArchitecture(Architecture.UNET32).setting());
        assertEquals("unet32", truck.withArchitecture(Architecture.UNET32).asMap().get("architecture"));
        assertEquals("mean", truck.asMap().get("hole_fill"), "the paper's 32 px model keeps the mean colour");
        assertEquals("harmonic", truck.withArchitecture(Architecture.UNET32).asMap().get("hole_fill"),
                "models with skips from the hole see its harmonic fill");
        assertEquals("harmonic", Scale.from(Map.of(), project).spec(Experiment.LANDMARK, DATA).asMap().get("hole_fill"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> truck.withArchitecture(Architecture.UNET128));
        assertTrue(e.getMessage().contains("32 px"), e.getMessage());
    }
}
