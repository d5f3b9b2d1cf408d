package org.contextencoder.experiment;

import org.contextencoder.SharedData;
import org.contextencoder.eval.Evaluator;
import org.contextencoder.eval.ModelInpainter;
import org.contextencoder.eval.Score;
import org.contextencoder.model.InpaintingModel;
import org.contextencoder.train.BatchProgress;
import org.contextencoder.train.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeightSweepTest {

    @Test
    void weightsAreNamedAsPeopleWriteThem() {
        assertEquals(List.of("w=0", "w=0.0001", "w=0.001", "w=0.1"),
                List.of(0.0, 1e-4, 1e-3, 0.1).stream().map(WeightSweep::label).toList());
        assertEquals(List.of("w-0", "w-0.0001", "w-0.01"),
                List.of(0.0, 1e-4, 1e-2).stream().map(WeightSweep::folderName).toList());
    }

    @Test
    void eachWeightTrainsInItsOwnFolderIsScoredOnTheValidationImagesAndIsReusedOnceFinished(@TempDir Path dir) {
        RunSpec l2 = Scale.from(Map.of("WORKBENCH_SCALE", "small"), dir).spec(Experiment.GENERAL, SharedData.root())
                .withLimits(32, 8);
        RunPipeline.trainOnly(l2, dir.resolve("general"), ProgressListener.SILENT);
        RunSpec base = AdversarialStudy.fineTune(l2, dir.resolve("general"), 1);
        List<Double> weights = List.of(0.0, 0.1);
        AtomicInteger batches = new AtomicInteger();
        ProgressListener counting = new ProgressListener() {
            @Override
            public void batchDone(BatchProgress progress) {
                batches.incrementAndGet();
            }
        };

        WeightSweep.Result result = WeightSweep.run(base, weights, dir.resolve("sweep"), counting);

        assertTrue(batches.get() >= weights.size(), "every weight trained: " + batches.get() + " batches");
        assertEquals(List.of(dir.resolve("sweep/w-0"), dir.resolve("sweep/w-0.1")),
                result.folders());
        assertEquals(List.of("0.0", "0.1"), result.folders().stream()
                .map(f -> RunFolder.manifest(f).entries().get("adv_weight")).toList());
        Table table = result.table();
        assertEquals(List.of("w=0", "w=0.1"), table.stringColumn("method").asList());
        assertEquals(List.of("validation"), table.stringColumn("split").unique().asList());
        Datasets data = ExperimentData.load(base);
        for (int i = 0; i < weights.size(); i++) {
            InpaintingModel model = RunFolder.model(result.folders().get(i));
            Score expected = new Evaluator(model.architecture().inferenceBatch()).score(new ModelInpainter(model, WeightSweep.label(weights.get(i))),
                    data.validation(), model.mask());
            assertEquals(expected, result.points().get(i).score(), "scored on the held-out validation images");
        }
        assertEquals(List.of(8), table.intColumn("images").unique().asList());

        XYChart chart = result.chart();
        assertEquals(List.of("w=0", "w=0.1"), List.copyOf(chart.getSeriesMap().keySet()));
        for (int i = 0; i < weights.size(); i++) {
            XYSeries point = chart.getSeriesMap().get(WeightSweep.label(weights.get(i)));
            Score score = result.points().get(i).score();
            assertArrayEquals(new double[]{score.detailRatio()}, point.getXData(), "one point: x the detail ratio");
            assertArrayEquals(new double[]{score.maskedMse()}, point.getYData(), "y the masked MSE");
        }

        batches.set(0);
        WeightSweep.Result again = WeightSweep.run(base, weights, dir.resolve("sweep"), counting);
        assertEquals(0, batches.get(), "finished runs are reused, not trained again");
        assertEquals(result, again);
    }
}
