package org.contextencoder.experiment;

import org.contextencoder.train.EpochRecord;
import org.contextencoder.train.LossHistory;
import org.contextencoder.train.Optimizer;
import org.contextencoder.viz.LossCurve;
import tech.tablesaw.api.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepTest {

    @Test
    void aRunIsNamedByOptimizerAndLearningRate() {
        assertEquals("adam lr=0.001", Sweep.runName(Optimizer.ADAM, 0.001));
        assertEquals("sgd lr=0.01", Sweep.runName(Optimizer.SGD, 0.01));
        assertEquals("rmsprop lr=0.0001", Sweep.runName(Optimizer.RMSPROP, 0.0001));
    }

    @Test
    void theGridIsThePapersFourOptimizersAtThreeRatesEachInItsOwnFolder() {
        List<String> names = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        for (Optimizer o : Sweep.OPTIMIZERS) {
            for (double lr : Sweep.LEARNING_RATES) {
                names.add(Sweep.runName(o, lr));
                folders.add(Sweep.folderName(o, lr));
            }
        }
        assertEquals(List.of("sgd lr=0.01", "sgd lr=0.001", "sgd lr=0.0001", "adam lr=0.01", "adam lr=0.001",
                "adam lr=0.0001", "adamw lr=0.01", "adamw lr=0.001", "adamw lr=0.0001", "rmsprop lr=0.01",
                "rmsprop lr=0.001", "rmsprop lr=0.0001"), names);
        // the folders of finished full-scale runs, which the notebook reuses
        assertEquals(List.of("sgd-0.01", "sgd-0.001", "sgd-0.0001", "adam-0.01", "adam-0.001", "adam-0.0001",
                "adamw-0.01", "adamw-0.001", "adamw-0.0001", "rmsprop-0.01", "rmsprop-0.001", "rmsprop-0.0001"),
                folders);
    }

    @Test
    void divergedRunsAreRankedByWhatTheyCompletedAndMarked() {
        Table t = Sweep.table(List.of(
                new Sweep.Run(Optimizer.RMSPROP, 0.01, new LossHistory(), true),
                new Sweep.Run(Optimizer.SGD, 0.01, history(0.050, 0.048), false),
                new Sweep.Run(Optimizer.ADAM, 0.01, history(0.060), true),
                new Sweep.Run(Optimizer.ADAM, 0.001, history(0.040, 0.030, 0.031), false)));
        assertEquals(List.of("adam lr=0.001", "sgd lr=0.01", "adam lr=0.01", "rmsprop lr=0.01"),
                t.stringColumn("run").asList());
        assertEquals(List.of("ok", "ok", "diverged after epoch 1", "diverged after epoch 0"),
                t.stringColumn("status").asList());
        assertEquals(0.030, t.doubleColumn("best_val_mse").get(0), 1e-12);
        assertEquals(2, t.intColumn("best_epoch").get(0));
        assertEquals(0, t.intColumn("best_epoch").get(3), "no epoch, no best");
    }

    @Test
    void theResultShowsTheGridAsAGridAndTheCurvesOnePanelPerOptimizer(@TempDir Path dir) {
        List<Path> folders = new ArrayList<>();
        for (Optimizer o : Sweep.OPTIMIZERS) {
            for (double lr : Sweep.LEARNING_RATES) {
                folders.add(RunFolders.run(dir.resolve(o.id() + "-" + lr)).set("optimizer", o.id())
                        .set("learning_rate", Double.toString(lr)).epochs(0.05, 0.04 + lr).finished().write());
            }
        }
        Sweep.Result result = new Sweep.Result(Sweep.table(List.of()), Map.of(), folders);

        Table grid = result.grid().table();
        BufferedImage curves = result.curves();

        assertEquals(List.of("sgd", "adam", "adamw", "rmsprop"), grid.stringColumn("optimizer").asList());
        assertEquals(List.of("optimizer", "learning_rate=0.01", "learning_rate=0.001", "learning_rate=0.0001"),
                grid.columnNames());
        assertEquals(0.0401, grid.doubleColumn("learning_rate=0.0001").get(2), 1e-12);
        BufferedImage onePanel = LossCurve.panels(Map.of("p", Map.of()), "", false);
        assertEquals(2 * onePanel.getWidth(), curves.getWidth(), "two panels a row");
        assertTrue(curves.getHeight() > 1.5 * onePanel.getHeight(), "two rows");
    }

    private static LossHistory history(double... val) {
        LossHistory h = new LossHistory();
        for (int i = 0; i < val.length; i++) h.add(new EpochRecord(i + 1, 0.05, val[i], 10));
        return h;
    }
}
