package org.contextencoder.experiment;

import org.contextencoder.SharedData;
import org.contextencoder.data.ImageSet;
import org.contextencoder.eval.Evaluator;
import org.contextencoder.eval.ModelInpainter;
import org.contextencoder.model.InpaintingModel;
import org.contextencoder.train.EpochRecord;
import org.contextencoder.train.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ValidationSplitTest {

    /**
     * The same first 48 trucks train both runs, so their training losses agree to the bit; the validation loss that
     * chooses the epoch is the model's masked MSE on the held-out trucks in one run, on the test trucks in the other.
     */
    @Test
    void aHoldoutRunValidatesOnTheHeldOutImagesAndATestRunOnTheTestImages(@TempDir Path dir) {
        RunSpec holdout = RunSpec.of(Experiment.TRUCK, 1, SharedData.root()).withLimits(48, 16);
        RunSpec test = holdout.withValidation(ValidationSplit.TEST);
        EpochRecord onHoldout = RunPipeline.trainOnly(holdout, dir.resolve("holdout"), ProgressListener.SILENT).last();
        EpochRecord onTest = RunPipeline.trainOnly(test, dir.resolve("test"), ProgressListener.SILENT).last();

        assertEquals(onTest.trainLoss(), onHoldout.trainLoss(), "the same training images");
        assertNotEquals(onTest.valLoss(), onHoldout.valLoss());
        assertEquals(onHoldout.valLoss(), maskedMse(dir.resolve("holdout"), ExperimentData.load(holdout).validation()),
                1e-6);
        Datasets testData = ExperimentData.load(test);
        assertEquals(onTest.valLoss(), maskedMse(dir.resolve("test"), testData.test()), 1e-6);
        assertEquals("holdout", RunFolder.manifest(dir.resolve("holdout")).entries().get("validation"));
        assertEquals("16", RunFolder.manifest(dir.resolve("holdout")).entries().get("validation_images"));
    }

    private static double maskedMse(Path run, ImageSet images) {
        InpaintingModel model = RunFolder.model(run);
        return new Evaluator(64).score(new ModelInpainter(model), images, model.mask()).maskedMse();
    }

    @Test
    void newRunsHoldOutAValidationSplitAndRunsSavedBeforeTheChoiceResumeOnTheTestSplit() {
        RunSpec truck = RunSpec.of(Experiment.TRUCK, 20, Path.of("/data"));
        assertEquals(ValidationSplit.HOLDOUT, truck.validation());
        assertEquals("holdout", truck.asMap().get("validation"));

        Map<String, String> savedBefore = new HashMap<>(truck.withValidation(ValidationSplit.TEST).asMap());
        savedBefore.remove("validation");
        assertEquals(RunSpec.shaping(truck.withValidation(ValidationSplit.TEST).asMap()), RunSpec.shaping(savedBefore));
        assertNotEquals(RunSpec.shaping(truck.asMap()), RunSpec.shaping(savedBefore));
        assertEquals("unknown validation split 'both': use holdout or test",
                assertThrows(IllegalArgumentException.class, () -> ValidationSplit.parse("both")).getMessage());
    }
}
