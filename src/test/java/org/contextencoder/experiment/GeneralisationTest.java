package org.contextencoder.experiment;

import org.contextencoder.SharedData;
import org.contextencoder.data.ImageFolder;
import org.contextencoder.data.Planes;
import org.contextencoder.data.SquareImages;
import org.contextencoder.eval.Baseline;
import org.contextencoder.eval.Evaluator;
import org.contextencoder.eval.InferenceOptions;
import org.contextencoder.eval.ModelInpainter;
import org.contextencoder.mask.CenterMask;
import org.contextencoder.mask.HoleFill;
import org.contextencoder.model.Architecture;
import org.contextencoder.model.InpaintingModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.Adam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generalisation table on a few images of each named set. */
class GeneralisationTest {

    private static List<Generalisation.Images> sets;
    private static InpaintingModel model;

    @BeforeAll
    static void smallSetsAndAModel() {
        sets = Generalisation.standardSets(SharedData.root(), 12);
        model = new InpaintingModel(Architecture.DILATED32.build(4, new Adam(1e-3), 0, 16), Architecture.DILATED32, 16,
                new HoleFill.Harmonic());
    }

    @Test
    void theNamedSetsAreTheImagesTheirNamesSay() {
        assertEquals(List.of("cifar10-test", "scenes-test-32", "unseen-photos-32", "unseen-photos-128"),
                sets.stream().map(Generalisation.Images::name).toList());
        assertEquals(List.of(32, 32, 32, 128), sets.stream().map(s -> s.images().side()).toList());
        assertEquals(List.of(12, 12, 12, 12), sets.stream().map(s -> s.images().count()).toList());
        // The landmark experiment's test photos, which it loads at 128 px: the same photos, in the same order.
        float[] landmark = ExperimentData.load(Experiment.LANDMARK, SharedData.root(), null, 1, 12,
                ImageFolder.SPLIT_SEED, ValidationSplit.HOLDOUT).test().floats(0, 12);
        float[] scenes32 = sets.get(1).images().floats(0, 12);
        int per = 3 * 32 * 32;
        for (int i = 0; i < 12; i++) {
            float[] downscaled = Planes.floats(SquareImages.resize(Planes.picture(landmark, i, 128), 32));
            double same = meanAbsolute(downscaled, 0, scenes32, i * per, per);
            double next = meanAbsolute(downscaled, 0, scenes32, (i + 1) % 12 * per, per);
            assertTrue(same < next / 5, "photo " + i + ": " + same + " against " + next);
        }
    }

    private static double meanAbsolute(float[] a, int aFrom, float[] b, int bFrom, int n) {
        double sum = 0;
        for (int k = 0; k < n; k++) sum += Math.abs(a[aFrom + k] - b[bFrom + k]);
        return sum / n;
    }

    @Test
    void eachSetOfTheModelsSizeGetsARowBesideTheHarmonicFill(@TempDir Path dir) throws IOException {
        Generalisation table = new Generalisation(sets);
        List<Generalisation.Row> rows = table.score("tiny", model, new InferenceOptions(true, false),
                Generalisation.trainedOn(Map.of("experiment", "general")));

        assertEquals(List.of("cifar10-test", "scenes-test-32", "unseen-photos-32"),
                rows.stream().map(Generalisation.Row::images).toList(), "the 128 px set is not a 32 px model's");
        assertEquals(List.of(true, false, false), rows.stream().map(Generalisation.Row::trainedOnThese).toList());
        CenterMask mask = new CenterMask(32, 16);
        for (int i = 0; i < rows.size(); i++) {
            Generalisation.Row row = rows.get(i);
            var images = sets.get(i).images();
            assertEquals("tiny+flip", row.model());
            assertEquals(32, row.imageSize());
            assertEquals(new Evaluator(7).score(new InferenceOptions(true, false).around(new ModelInpainter(model)),
                    images, mask).maskedMse(), row.maskedMse(), 1e-9);
            assertEquals(new Evaluator(5).score(Baseline.harmonic(), images, mask).maskedMse(), row.harmonicMse(), 1e-9);
            assertEquals(1 - row.maskedMse() / row.harmonicMse(), row.gain(), 1e-12);
        }

        Path run = RunFolders.run(dir.resolve("general-best")).finished().write();
        Generalisation.save(Generalisation.table(rows), dir.resolve("figures"), List.of(run, run));
        List<String> lines = Files.readAllLines(dir.resolve("figures/07-generalisation.csv"));
        assertEquals("ce32", Manifest.read(dir.resolve("figures/07-generalisation-manifest.properties")).entries()
                .get("architecture"), "the manifest of the runs scored, each once");
        assertEquals("model,image_size,images,trained_on_these,masked_mse,harmonic_mse,gain", lines.get(0));
        assertEquals(4, lines.size());
        assertEquals(List.of("tiny+flip", "32", "cifar10-test", "true"), List.of(lines.get(1).split(",")).subList(0, 4));
    }

    @Test
    void whatARunTrainedOnComesFromItsManifest() {
        assertEquals(Set.of(Generalisation.CIFAR10), Generalisation.trainedOn(Map.of("experiment", "truck")));
        assertEquals(Set.of("scenes"), Generalisation.trainedOn(Map.of("experiment", "landmark")));
        assertEquals(Set.of("my-photos"), Generalisation.trainedOn(Map.of("experiment", "landmark", "photos",
                "/data/my-photos")));
        assertEquals("the manifest names no experiment, so what the model trained on is not known: pass the sources"
                + " it trained on instead", assertThrows(IllegalArgumentException.class,
                () -> Generalisation.trainedOn(Map.of())).getMessage());
    }
}
