package org.contextencoder.experiment;

import org.contextencoder.SharedData;
import org.contextencoder.data.ImageFolder;
import org.contextencoder.data.ImageSet;
import org.contextencoder.eval.Evaluator;
import org.contextencoder.eval.InferenceOptions;
import org.contextencoder.eval.MaskedError;
import org.contextencoder.eval.ModelInpainter;
import org.contextencoder.eval.Score;
import org.contextencoder.mask.CenterMask;
import org.contextencoder.model.Architecture;
import org.contextencoder.mask.HoleFill;
import org.contextencoder.model.InpaintingModel;
import org.contextencoder.model.ModelFile;
import org.nd4j.linalg.learning.config.Adam;
import org.contextencoder.io.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Table1Test {

    /** A run folder as RunPipeline leaves it, with only the metrics Table 1 reads. */
    private static Path run(Path dir, String name, double modelTrain, double modelTest, double harmonicTest)
            throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("metrics.csv"), String.join("\n",
                "setting,split,method,masked_mse,psnr,images",
                name + ",train,context-encoder," + modelTrain + ",0,10",
                name + ",train,harmonic,0.05,0,10",
                name + ",test,context-encoder," + modelTest + ",0,5",
                name + ",test,harmonic," + harmonicTest + ",0,5", ""));
        return folder;
    }

    @Test
    void readsEachSettingsMetricsAndAddsThePapersFigures(@TempDir Path dir) throws Exception {
        Table t = Table1.from(Map.of("general", run(dir, "general", 0.02, 0.03, 0.04),
                "truck", run(dir, "truck", 0.01, 0.05, 0.04)));

        assertEquals(List.of("setting", "split", "method", "masked_mse", "psnr"), t.columnNames().subList(0, 5));
        assertEquals(12, t.rowCount(), "2 settings x 2 splits x (2 methods + paper)");
        assertEquals(0.02493, value(t, "general", "test", "paper"), 1e-12);
        assertEquals(0.0025, value(t, "truck", "train", "paper"), 1e-12);
        assertEquals(0.05, value(t, "truck", "test", "context-encoder"), 1e-12);
        Row paper = row(t, "truck", "test", "paper");
        assertEquals(MaskedError.psnr(0.03596), paper.getDouble("psnr"), 1e-9);
        assertFalse(t.stringColumn("setting").contains("landmark"), "a setting without a run is left out");
    }

    @Test
    void theMetricsBeyondMseAreCarriedOverAndLeftEmptyWhereARunPredatesThem(@TempDir Path dir) throws Exception {
        Path general = Files.createDirectories(dir.resolve("general"));
        Files.writeString(general.resolve("metrics.csv"), String.join("\n",
                "setting,split,method,masked_mse,psnr,images,masked_l1,ssim,detail_ratio,mean_image_psnr",
                "general,train,context-encoder,0.02,16.99,10,0.1,0.7,0.3,17.5",
                "general,test,context-encoder,0.03,15.23,5,0.12,0.65,0.25,16.1", ""));
        Table t = Table1.from(Map.of("general", general, "truck", run(dir, "truck", 0.01, 0.05, 0.04)));

        assertEquals(List.of("setting", "split", "method", "masked_mse", "psnr", "masked_l1", "ssim", "detail_ratio",
                "mean_image_psnr"), t.columnNames());
        Row model = row(t, "general", "test", "context-encoder");
        assertEquals(0.12, model.getDouble("masked_l1"), 1e-12);
        assertEquals(0.65, model.getDouble("ssim"), 1e-12);
        assertEquals(0.25, model.getDouble("detail_ratio"), 1e-12);
        assertEquals(16.1, model.getDouble("mean_image_psnr"), 1e-12);
        for (Row r : List.of(row(t, "truck", "test", "context-encoder"), row(t, "general", "test", "paper"))) {
            for (String metric : List.of("masked_l1", "ssim", "detail_ratio", "mean_image_psnr")) {
                assertTrue(Double.isNaN(r.getDouble(metric)), r.getString("setting") + " " + r.getString("method"));
            }
        }
        Path csv = dir.resolve("table1.csv");
        AtomicFiles.writeCsv(csv, t);
        assertTrue(Files.readAllLines(csv).contains("truck,test,paper,0.03596," + MaskedError.psnr(0.03596) + ",,,,"),
                "missing values are written empty");
    }

    @Test
    void savedAsTable1CsvInFullWithTheRunsManifestsAndShownToFiveDecimals(@TempDir Path dir) throws Exception {
        Path general = run(dir, "general", 0.019391400506297018, 0.03, 0.04);
        Path truck = run(dir, "truck", 0.01, 0.05, 0.04);
        new Manifest().put("seed", 42).write(general.resolve("manifest.properties"));
        new Manifest().put("seed", 7).write(truck.resolve("manifest.properties"));
        Map<String, Path> runs = Map.of("general", general, "truck", truck);
        Table t = Table1.from(runs);

        assertSame(t, Table1.save(t, dir.resolve("figures"), runs), "returned, so the cell shows it");

        assertEquals("general,train,context-encoder,0.019391400506297018," + MaskedError.psnr(0.019391400506297018)
                + ",,,,", Files.readAllLines(dir.resolve("figures/table1.csv")).get(1));
        assertEquals(Map.of("general.seed", "42", "truck.seed", "7"),
                Manifest.read(dir.resolve("figures/table1-manifest.properties")).entries());
        assertEquals(List.of("0.01939", "17.12"), List.of(t.getString(0, "masked_mse"), t.getString(0, "psnr")));
    }

    @Test
    void theComparisonIsComputedFromTheTable(@TempDir Path dir) throws Exception {
        Table t = Table1.from(Map.of("general", run(dir, "general", 0.0216, 0.03, 0.04),
                "truck", run(dir, "truck", 0.01, 0.05, 0.04)));

        List<String> lines = Table1.comparison(t).lines().toList();

        assertEquals(List.of(
                "general: test masked MSE 0.03000 vs the paper's 0.02493 (20% higher); harmonic fill 0.04000 "
                        + "(ours is 25% lower); training 0.02160 vs the paper's 0.02160 (about equal).",
                "truck: test masked MSE 0.05000 vs the paper's 0.03596 (39% higher); harmonic fill 0.04000 "
                        + "(ours is 25% higher); training 0.01000 vs the paper's 0.00250 (4.00x higher)."), lines);
    }

    @Test
    void aBestRowScoresTheBestModelWithItsOptionsOnTheSettingsTestImagesOnceItsRunHasFinished(@TempDir Path dir)
            throws Exception {
        InpaintingModel model = new InpaintingModel(Architecture.DILATED32.build(3, new Adam(1e-3), 0, 16),
                Architecture.DILATED32, 16, new HoleFill.Harmonic());
        Path truckBest = Files.createDirectories(dir.resolve("truck-best"));
        ModelFile.save(model, truckBest.resolve("model.zip"));
        new Manifest().put("architecture", "dilated32").write(truckBest.resolve("manifest.properties"));
        Path truck = run(dir, "truck", 0.01, 0.05, 0.04);
        new Manifest().put("architecture", "ce32").write(truck.resolve("manifest.properties"));
        InferenceOptions flip = new InferenceOptions(true, false);
        List<BestModel> best = List.of(new BestModel(Experiment.TRUCK, truckBest, flip),
                new BestModel(Experiment.GENERAL, dir.resolve("general-best"), flip));

        Table t = Table1.from(Map.of("truck", truck), best, SharedData.root(), 12);

        ImageSet trucks = ExperimentData.load(Experiment.TRUCK, SharedData.root(), null, 0, 12, ImageFolder.SPLIT_SEED,
                ValidationSplit.HOLDOUT).test();
        Score expected = new Evaluator(5).score(flip.around(new ModelInpainter(model)), trucks, new CenterMask(32, 16));
        Row row = row(t, "truck", "test", "best");
        assertEquals(expected.maskedMse(), row.getDouble("masked_mse"), 1e-9);
        assertEquals(expected.ssim(), row.getDouble("ssim"), 1e-9);
        assertEquals(expected.detailRatio(), row.getDouble("detail_ratio"), 1e-9);
        assertEquals(7, t.rowCount(), "truck's 6 rows and its best; none for a best model whose run has not finished");
        assertTrue(Table1.comparison(t).endsWith(String.format(java.util.Locale.ROOT,
                "This project's best model: test %.5f (%s than the paper's model here).", expected.maskedMse(),
                Table1.relative(expected.maskedMse(), 0.05))), Table1.comparison(t));

        assertEquals(List.of("| setting | split | context encoder (PSNR) | SSIM | detail ratio | best model (PSNR) | SSIM | "
                        + "detail ratio | paper | harmonic fill | ring mean | training mean |",
                "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
                "| truck (CIFAR-10 trucks) | train | **0.01000** (20.00 dB) | – | – | – | – | – | 0.00250 | 0.05000 | – | – |",
                String.format(java.util.Locale.ROOT, "| truck (CIFAR-10 trucks) | test | **0.05000** (13.01 dB) | – | – | "
                                + "**%.5f** (%.2f dB) | %.4f | %.3f | 0.03596 | 0.04000 | – | – |", expected.maskedMse(),
                        expected.psnr(), expected.ssim(), expected.detailRatio())),
                Table1.markdown(t).lines().toList(), "the README's table, from the CSV's figures");

        Table1.save(t, dir.resolve("figures"), Map.of("truck", truck), best);
        Map<String, String> manifest = Manifest.read(dir.resolve("figures/table1-manifest.properties")).entries();
        assertEquals("truck-best with flip", manifest.get("best.truck"));
        assertEquals("dilated32", manifest.get("truck-best.architecture"));
        assertEquals("ce32", manifest.get("truck.architecture"));
        assertFalse(manifest.containsKey("best.general"));
    }

    @Test
    void relativeWordsLargeRatiosAsFactors() {
        assertEquals("2.00x lower", Table1.relative(0.01, 0.02));
        assertEquals("3.00x higher", Table1.relative(0.03, 0.01));
        assertEquals("10% lower", Table1.relative(0.009, 0.01));
    }

    @Test
    void theChartHasOneSeriesPerMethodShown(@TempDir Path dir) throws Exception {
        CategoryChart chart = Table1.chart(Table1.from(Map.of("truck", run(dir, "truck", 0.01, 0.05, 0.04))));
        assertEquals(List.of("context-encoder", "harmonic", "paper"), List.copyOf(chart.getSeriesMap().keySet()));
    }

    @Test
    void aMissingRunSaysToTrainIt(@TempDir Path dir) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Table1.from(Map.of("truck", dir.resolve("truck"))));
        assertTrue(e.getMessage().contains("train that run first (the train command with --out "
                + dir.resolve("truck")), e.getMessage());
    }

    private static Row row(Table t, String setting, String split, String method) {
        for (Row r : t) {
            if (r.getString("setting").equals(setting) && r.getString("split").equals(split)
                    && r.getString("method").equals(method)) return r;
        }
        throw new AssertionError("no row " + setting + "/" + split + "/" + method);
    }

    private static double value(Table t, String setting, String split, String method) {
        return row(t, setting, split, method).getDouble("masked_mse");
    }
}
