package org.contextencoder.experiment;

import org.contextencoder.SharedData;
import org.contextencoder.data.Cifar10;
import org.contextencoder.data.ImageSet;
import org.contextencoder.data.Split;
import org.contextencoder.eval.Baseline;
import org.contextencoder.eval.Evaluator;
import org.contextencoder.eval.Inpainter;
import org.contextencoder.eval.ModelInpainter;
import org.contextencoder.mask.CenterMask;
import org.contextencoder.mask.HoleFill;
import org.contextencoder.mask.Mask;
import org.contextencoder.model.Architecture;
import org.contextencoder.model.InpaintingModel;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SideBySideTest {

    private static final Mask CENTRE = new CenterMask(32, 16);

    private static ModelInpainter model(long seed, String name) {
        return new ModelInpainter(new InpaintingModel(Architecture.CE32.build(seed, new Adam(1e-3), 0, 16),
                Architecture.CE32, 16, new HoleFill.Solid(new float[]{0.4f, 0.5f, 0.6f})), name);
    }

    @Test
    void eachModelThenHarmonicFillScoredAsTheirRunsScoreThem() {
        // More images than one inference batch, so that the batch the table uses is the runs' own.
        ImageSet images = Cifar10.openFolder(SharedData.cifar()).split(Split.TEST, List.of("truck"), 300);
        List<ModelInpainter> models = List.of(model(1, "general model"), model(2, "truck model"));

        Table t = SideBySide.score("trucks", "truck", "test", models, images, CENTRE);

        assertEquals("trucks", t.name());
        assertEquals(List.of("general model", "truck model", "harmonic"), t.stringColumn("method").asList());
        assertEquals(List.of("truck"), t.stringColumn("setting").unique().asList());
        assertEquals(List.of("test"), t.stringColumn("split").unique().asList());
        Evaluator runs = new Evaluator(Architecture.CE32.inferenceBatch());
        List<Inpainter> methods = List.of(models.get(0), models.get(1), Baseline.harmonic());
        for (int row = 0; row < methods.size(); row++) {
            assertEquals(runs.score(methods.get(row), images, CENTRE).maskedMse(),
                    t.doubleColumn("masked_mse").get(row), 0, methods.get(row).name());
            assertEquals(300, t.intColumn("images").get(row));
        }
    }

    @Test
    void noModelIsRefused() {
        ImageSet images = Cifar10.openFolder(SharedData.cifar()).split(Split.TEST, List.of(), 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SideBySide.score("t", "truck", "test", List.of(), images, CENTRE));
        assertEquals("give at least one model to score", e.getMessage());
    }
}
