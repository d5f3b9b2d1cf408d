package org.contextencoder.experiment;

import org.contextencoder.SharedData;
import org.contextencoder.model.ModelFile;
import org.contextencoder.train.BatchProgress;
import org.contextencoder.train.Optimizer;
import org.contextencoder.train.ProgressListener;
import org.contextencoder.train.TrainingLoss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdversarialStudyTest {

    private static final List<String> CSV_COLUMNS = List.of("setting", "loss", "adv_weight", "split", "masked_mse",
            "psnr", "masked_l1", "ssim", "detail_ratio");

    @Test
    void theFullBudgetIsFixedAndTheSmallOneIsTheScales(@TempDir Path project) {
        AdversarialStudy full = AdversarialStudy.of(Scale.from(Map.of(), project), SharedData.root());
        Scale small = Scale.from(Map.of("WORKBENCH_SCALE", "small", "MAX_EPOCH", "2", "SWEEP_LIMIT", "40"), project);
        AdversarialStudy quick = AdversarialStudy.of(small, SharedData.root());

        assertEquals(List.of(1, 10_000, 1_000, 1), List.of(full.fineTuneEpochs(), full.sweepTrainLimit(),
                full.sweepValidationLimit(), full.sweepEpochs()));
        assertEquals(List.of(2, 40, small.sweepTestLimit(), small.sweepEpochs()), List.of(quick.fineTuneEpochs(),
                quick.sweepTrainLimit(), quick.sweepValidationLimit(), quick.sweepEpochs()));
        assertEquals(List.of(4, 4), List.of(full.l2Spec(Experiment.GENERAL).training().epochs(),
                full.l2Spec(Experiment.LANDMARK).training().epochs()), "fixed budgets that fit one session");
        assertEquals(List.of(2, 2), List.of(quick.l2Spec(Experiment.GENERAL).training().epochs(),
                quick.l2Spec(Experiment.LANDMARK).training().epochs()));
        assertEquals(Scale.from(Map.of(), project).spec(Experiment.GENERAL, SharedData.root()).training().withEpochs(4),
                full.l2Spec(Experiment.GENERAL).training(), "otherwise the paper's model as notebook 01 trains it");
        assertEquals(List.of(0.0, 1e-4, 1e-3, 1e-2), AdversarialStudy.WEIGHTS);
        assertEquals(AdversarialStudy.WEIGHTS, full.weights());
        assertEquals(List.of(0.0, 1e-3), quick.weights(), "the control and Pathak et al.'s weight in CI");
        assertEquals("L2 models: 4 epochs on CIFAR-10, 4 epochs on the landmark photos; fine-tunes: 1 epoch at learning"
                + " rate 0.0002; weight sweep: w = 0, 0.0001, 0.001, 0.01, 1 epoch each on 10,000 training images,"
                + " scored on 1,000 validation images", full.budgets());
        assertTrue(quick.budgets().startsWith("L2 models: 2 epochs on CIFAR-10, 2 epochs"), quick.budgets());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> full.l2Spec(Experiment.TRUCK));
        assertEquals("the adversarial study has no budget for the truck experiment: study one of "
                + full.baseEpochs().keySet(), e.getMessage());
    }

    @Test
    void aFineTuneIsTheL2RunFromItsModelAtTheLowerRateForAFixedBudget(@TempDir Path dir) {
        RunSpec l2 = Scale.from(Map.of(), dir).spec(Experiment.GENERAL, SharedData.root()).withLimits(32, 8);
        Path folder = dir.resolve("general");
        ModelFile.save(RunPipeline.newModel(l2, ExperimentData.load(l2)), folder.resolve("model.zip"));

        RunSpec fineTune = AdversarialStudy.fineTune(l2, folder, 3);

        assertEquals(l2.training().withEpochs(3).withPatience(0).withLrPatience(0)
                .withOptimizer(Optimizer.ADAM, AdversarialStudy.FINE_TUNE_RATE), fineTune.training());
        assertTrue(AdversarialStudy.FINE_TUNE_RATE < l2.training().learningRate());
        assertEquals(folder.resolve("model.zip").toAbsolutePath(), fineTune.start().file());
        assertEquals(l2.withTraining(fineTune.training()).withInitFrom(folder.resolve("model.zip")), fineTune,
                "nothing else changes: images, hole, fill, seed, validation split, loss");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AdversarialStudy.fineTune(l2, dir.resolve("none"), 3));
        assertTrue(e.getMessage().startsWith("no model.zip in " + dir.resolve("none") + ": train that run first"),
                e.getMessage());
    }

    @Test
    void aSettingIsItsL2RunAJointFineTuneAndTheControlScoredOnTheSameTestImages(@TempDir Path dir) throws Exception {
        Scale scale = new Scale("small", 1, 0, 48, 16, 16, 8, 32, 16, 1, dir.resolve("runs"), dir.resolve("figures"));
        AdversarialStudy study = AdversarialStudy.of(scale, SharedData.root());

        AdversarialStudy.Setting general = study.train(Experiment.GENERAL, ProgressListener.SILENT);

        Path runs = dir.resolve("runs");
        assertEquals(List.of(runs.resolve("general-l2"), runs.resolve("general-joint"), runs.resolve("general-joint-w0")),
                general.folders());
        Map<String, String> joint = RunFolder.manifest(runs.resolve("general-joint")).entries();
        Map<String, String> control = RunFolder.manifest(runs.resolve("general-joint-w0")).entries();
        assertEquals(List.of("joint", "0.001", "2.0E-4"), List.of(joint.get("loss"), joint.get("adv_weight"),
                joint.get("learning_rate")));
        assertEquals(List.of("joint", "0.0"), List.of(control.get("loss"), control.get("adv_weight")));
        String start = runs.resolve("general-l2").resolve("model.zip").toAbsolutePath().toString();
        assertEquals(List.of(start, start), List.of(joint.get("init_from"), control.get("init_from")));
        assertNull(RunFolder.manifest(runs.resolve("general-l2")).entries().get("loss"), "the paper's L2 run");

        Table metrics = AdversarialStudy.metrics(general);
        new Figures(dir.resolve("figures"), "08-adversarial").save("metrics", metrics, AdversarialStudy.folders(general));
        Path csv = dir.resolve("figures").resolve("08-adversarial-metrics.csv");

        List<String> lines = Files.readAllLines(csv);
        assertEquals(String.join(",", CSV_COLUMNS), lines.get(0), "exactly the issue's columns");
        assertEquals(5, lines.size());
        assertEquals(List.of("general,l2,0.0,test", "general,joint,0.001,test", "general,joint,0.0,test",
                "general,harmonic,,test"), lines.subList(1, 5).stream()
                .map(l -> String.join(",", List.of(l.split(",", -1)).subList(0, 4))).toList());
        assertEquals(testScore(runs.resolve("general-l2"), "context-encoder"), row(metrics, 0));
        assertEquals(testScore(runs.resolve("general-joint"), "context-encoder"), row(metrics, 1));
        assertEquals(testScore(runs.resolve("general-joint-w0"), "context-encoder"), row(metrics, 2));
        assertEquals(testScore(runs.resolve("general-l2"), "harmonic"), row(metrics, 3));
        assertTrue(Files.isRegularFile(dir.resolve("figures").resolve("08-adversarial-metrics-manifest.properties")));

        BufferedImage grid = general.grid(2);
        assertEquals(5 * (AdversarialStudy.GRID_PIXELS + 4) + 4, grid.getHeight(),
                "original, masked, L2, joint and harmonic rows, each image 256 px");

        AtomicInteger batches = new AtomicInteger();
        ProgressListener counting = new ProgressListener() {
            @Override
            public void batchDone(BatchProgress progress) {
                batches.incrementAndGet();
            }
        };
        AdversarialStudy.Setting again = study.train(Experiment.GENERAL, counting);
        assertEquals(0, batches.get(), "finished runs are reused");
        assertEquals(metrics.printAll(), AdversarialStudy.metrics(again).printAll());
    }

    @Test
    void theTargetsSetTheJointModelAgainstTheL2ModelAndAgainstTheControl() {
        Table metrics = Table.create("m", StringColumn.create("setting", "general", "general", "general", "general",
                        "landmark", "landmark", "landmark"),
                StringColumn.create("loss", "l2", "joint", "joint", "harmonic", "l2", "joint", "joint"),
                DoubleColumn.create("adv_weight", 0, 0.001, 0, Double.NaN, 0, 0.001, 0),
                DoubleColumn.create("masked_mse", 0.020, 0.0208, 0.019, 0.030, 0.020, 0.022, 0.020),
                DoubleColumn.create("detail_ratio", 0.40, 0.64, 0.50, 0.10, 0.30, 0.60, 0.30));

        Table targets = AdversarialStudy.targets(metrics);

        assertEquals(List.of("general", "general", "landmark", "landmark"), targets.stringColumn("setting").asList());
        assertEquals(List.of("l2", "w=0 control", "l2", "w=0 control"), targets.stringColumn("against").asList());
        double[] gain = targets.doubleColumn("detail_ratio_gain").asDoubleArray();
        double[] change = targets.doubleColumn("masked_mse_change").asDoubleArray();
        double[][] expected = {{1.6, 0.04}, {1.28, 0.0208 / 0.019 - 1}, {2.0, 0.10}, {2.0, 0.10}};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i][0], gain[i], 1e-12, "gain " + i);
            assertEquals(expected[i][1], change[i], 1e-12, "change " + i);
        }
        assertEquals(List.of("yes", "no", "no", "no"), targets.stringColumn("meets_targets").asList());
    }

    /** A run's test-split figures of a method, in the CSV's metric columns, from its metrics.csv. */
    private static List<Double> testScore(Path run, String method) {
        Table scores = RunFolder.metrics(run);
        Table row = scores.where(scores.stringColumn("split").isEqualTo("test")
                .and(scores.stringColumn("method").isEqualTo(method)));
        assertEquals(1, row.rowCount());
        return AdversarialStudy.METRICS.stream().map(m -> row.numberColumn(m).getDouble(0)).toList();
    }

    private static List<Double> row(Table metrics, int i) {
        return AdversarialStudy.METRICS.stream().map(m -> metrics.numberColumn(m).getDouble(i)).toList();
    }
}
