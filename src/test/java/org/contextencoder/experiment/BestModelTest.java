package org.contextencoder.experiment;

import org.contextencoder.SharedData;
import org.contextencoder.eval.Evaluator;
import org.contextencoder.eval.InferenceOptions;
import org.contextencoder.eval.ModelInpainter;
import org.contextencoder.mask.CenterMask;
import org.contextencoder.mask.HoleFill;
import org.contextencoder.model.Architecture;
import org.contextencoder.model.InpaintingModel;
import org.contextencoder.model.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.Adam;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A best model's inference options are chosen by their masked MSE on validation images. */
class BestModelTest {

    @Test
    void theOptionsChosenAreThoseWithTheLowestValidationError(@TempDir Path dir) {
        InpaintingModel model = new InpaintingModel(Architecture.DILATED32.build(5, new Adam(1e-3), 0, 16),
                Architecture.DILATED32, 16, new HoleFill.Harmonic());
        Path run = RunFolders.run(dir.resolve("landmark")).finished().write();
        ModelFile.save(model, run.resolve("model.zip"));
        Generalisation.Images validation = Generalisation.scenesValidation(SharedData.root(), 32, 10);

        BestModel.OptionsCompared compared = BestModel.compareOptions(run, validation);

        List<Double> expected = InferenceOptions.ALL.stream().map(o -> new Evaluator(4)
                .score(o.around(new ModelInpainter(model)), validation.images(), new CenterMask(32, 16)).maskedMse())
                .toList();
        assertEquals(InferenceOptions.ALL.size(), compared.rows().size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), compared.rows().get(i).maskedMse(), 1e-9, InferenceOptions.ALL.get(i).describe());
        }
        int lowest = expected.indexOf(expected.stream().min(Comparator.naturalOrder()).orElseThrow());
        assertEquals(InferenceOptions.ALL.get(lowest), compared.best());
        assertEquals(List.of("landmark", "landmark+flip", "landmark+poisson", "landmark+flip+poisson"),
                compared.table().stringColumn("model").asList());
        assertEquals(BestModel.landmark(Scale.from(java.util.Map.of(), dir), compared.best()).options(), compared.best());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BestModel.compareOptions(run, Generalisation.scenesValidation(SharedData.root(), 128, 2)));
        assertEquals("scenes-validation-128 are not of the size of the model in " + run
                + ": compare its options on images of its own size", e.getMessage());
    }
}
