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
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Table1Test {

    /**
     * A figures folder as notebooks 01 to 03 leave it: each setting's metrics CSV with the model and harmonic fill on
     * training, validation and test images; the landmark notebook's also holds its 64 px hole run.
     */
    private static Path figures(Path dir, double generalTest, double truckTrain, double truckTest) throws Exception {
        Path figures = Files.createDirectories(dir.resolve("figures"));
        metrics(figures, "01-general-class", "general", 0.0216, generalTest, 0.04);
        metrics(figures, "02-truck", "truck", truckTrain, truckTest, 0.04);
        metrics(figures, "03-landmark", "landmark", 0.018, 0.021, 0.024);
        Files.writeString(figures.resolve("03-landmark-metrics.csv"), "landmark-hole64,test,context-encoder,0.026,0,5\n",
                StandardOpenOption.APPEND);
        return figures;
    }

    private static void metrics(Path figures, String notebook, String setting, double modelTrain, double modelTest,
                                double harmonicTest) throws Exception {
        Files.writeString(figures.resolve(notebook + "-metrics.csv"), String.join("\n",
                "setting,split,method,masked_mse,psnr,images",
                setting + ",train,context-encoder," + modelTrain + ",0,10",
                setting + ",train,harmonic,0.05,0,10",
                setting + ",validation,context-encoder,0.001,0,3",
                setting + ",test,context-encoder," + modelTest + ",0,5",
                setting + ",test,harmonic," + harmonicTest + ",0,5", ""));
    }

    @Test
    void readsEachSettingsTrainingAndTestRowsFromItsNotebooksMetricsAndAddsThePapersFigures(@TempDir Path dir)
            throws Exception {
        Table t = Table1.from(figures(dir, 0.03, 0.01, 0.05));

        assertEquals(List.of("setting", "split", "method", "masked_mse", "psnr"), t.columnNames().subList(0, 5));
        assertEquals(18, t.rowCount(), "3 settings x 2 splits x (2 methods + paper); no validation or 64 px hole rows");
        assertEquals(0.02493, value(t, "general", "test", "paper"), 1e-12);
        assertEquals(0.0025, value(t, "truck", "train", "paper"), 1e-12);
        assertEquals(0.05, value(t, "truck", "test", "context-encoder"), 1e-12);
        assertEquals(0.021, value(t, "landmark", "test", "context-encoder"), 1e-12);
        Row paper = row(t, "truck", "test", "paper");
        assertEquals(MaskedError.psnr(0.03596), paper.getDouble("psnr"), 1e-9);
        assertEquals(List.of("general", "truck", "landmark"), t.stringColumn("setting").unique().asList());
    }

    @Test
    void theMetricsBeyondMseAreCarriedOverAndLeftEmptyWhereANotebookPredatesThem(@TempDir Path dir) throws Exception {
        Path figures = figures(dir, 0.03, 0.01, 0.05);
        Files.writeString(figures.resolve("01-general-class-metrics.csv"), String.join("\n",
                "setting,split,method,masked_mse,psnr,images,masked_l1,ssim,detail_ratio,mean_image_psnr",
                "general,train,context-encoder,0.02,16.99,10,0.1,0.7,0.3,17.5",
                "general,test,context-encoder,0.03,15.23,5,0.12,0.65,0.25,16.1", ""));
        Table t = Table1.from(figures);

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
    void savedAsTable1CsvInFullWithItsSourcesManifestsAndShownToFiveDecimals(@TempDir Path dir) throws Exception {
        Path figures = figures(dir, 0.03, 0.01, 0.05);
        metrics(figures, "01-general-class", "general", 0.019391400506297018, 0.03, 0.04);
        new Manifest().put("seed", 42).write(figures.resolve("01-general-class-metrics-manifest.properties"));
        new Manifest().put("landmark.hole", 32).put("landmark-hole64.hole", 64)
                .write(figures.resolve("03-landmark-metrics-manifest.properties"));
        Table t = Table1.from(figures);

        assertSame(t, Table1.save(t, figures), "returned, so the cell shows it");

        assertEquals("general,train,context-encoder,0.019391400506297018," + MaskedError.psnr(0.019391400506297018)
                + ",,,,", Files.readAllLines(figures.resolve("table1.csv")).get(1));
        assertEquals(Map.of("01-general-class-metrics.seed", "42", "03-landmark-metrics.landmark.hole", "32",
                        "03-landmark-metrics.landmark-hole64.hole", "64"),
                Manifest.read(figures.resolve("table1-manifest.properties")).entries(),
                "each source's manifest under its CSV's name; the truck's has none");
        assertEquals(List.of("0.01939", "17.12"), List.of(t.getString(0, "masked_mse"), t.getString(0, "psnr")));
    }

    @Test
    void theComparisonIsComputedFromTheTable(@TempDir Path dir) throws Exception {
        Table t = Table1.from(figures(dir, 0.03, 0.01, 0.05));

        List<String> lines = Table1.comparison(t).lines().toList();

        assertEquals(List.of(
                "general: test masked MSE 0.03000 vs the paper's 0.02493 (20% higher); harmonic fill 0.04000 "
                        + "(ours is 25% lower); training 0.02160 vs the paper's 0.02160 (about equal).",
                "truck: test masked MSE 0.05000 vs the paper's 0.03596 (39% higher); harmonic fill 0.04000 "
                        + "(ours is 25% higher); training 0.01000 vs the paper's 0.00250 (4.00x higher).",
                "landmark: test masked MSE 0.02100 vs the paper's 0.03086 (32% lower); harmonic fill 0.02400 "
                        + "(ours is 13% lower); training 0.01800 vs the paper's 0.11007 (6.12x lower)."), lines);
    }

    @Test
    void aBestRowIsTheBestModelScoredWithItsOptionsOnTheSettingsTestImagesByItsNotebook(@TempDir Path dir)
            throws Exception {
        InpaintingModel model = new InpaintingModel(Architecture.DILATED32.build(3, new Adam(1e-3), 0, 16),
                Architecture.DILATED32, 16, new HoleFill.Harmonic());
        Path truckBest = Files.createDirectories(dir.resolve("truck-best"));
        ModelFile.save(model, truckBest.resolve("model.zip"));
        new Manifest().put("architecture", "dilated32").write(truckBest.resolve("manifest.properties"));
        Path figures = figures(dir, 0.03, 0.01, 0.05);
        new Manifest().put("architecture", "ce32").write(figures.resolve("02-truck-metrics-manifest.properties"));
        InferenceOptions flip = new InferenceOptions(true, false);
        List<BestModel> best = List.of(new BestModel(Experiment.TRUCK, truckBest, flip),
                new BestModel(Experiment.GENERAL, dir.resolve("general-best"), flip));

        Table scores = BestModel.saveTestScores(best, SharedData.root(), 12, new Figures(figures, "09-best-models"));
        Table t = Table1.from(figures);

        ImageSet trucks = ExperimentData.load(Experiment.TRUCK, SharedData.root(), null, 0, 12, ImageFolder.SPLIT_SEED,
                ValidationSplit.HOLDOUT).test();
        Score expected = new Evaluator(5).score(flip.around(new ModelInpainter(model)), trucks, new CenterMask(32, 16));
        assertEquals(1, scores.rowCount(), "none for a best model whose run has not finished");
        assertTrue(Files.isRegularFile(figures.resolve("09-best-models-best.csv")));
        Row row = row(t, "truck", "test", "best");
        assertEquals(expected.maskedMse(), row.getDouble("masked_mse"), 1e-9);
        assertEquals(expected.ssim(), row.getDouble("ssim"), 1e-9);
        assertEquals(expected.detailRatio(), row.getDouble("detail_ratio"), 1e-9);
        assertEquals(19, t.rowCount(), "the settings' 18 rows and the truck's best");
        assertTrue(Table1.comparison(t).lines().toList().get(1).endsWith(String.format(java.util.Locale.ROOT,
                "This project's best model: test %.5f (%s than the paper's model here).", expected.maskedMse(),
                Table1.relative(expected.maskedMse(), 0.05))), Table1.comparison(t));

        List<String> markdown = Table1.markdown(t).lines().toList();
        assertEquals(List.of("| setting | split | context encoder (PSNR) | SSIM | detail ratio | best model (PSNR) | SSIM | "
                        + "detail ratio | paper | harmonic fill | ring mean | training mean |",
                "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
                "| truck (CIFAR-10 trucks) | train | **0.01000** (20.00 dB) | – | – | – | – | – | 0.00250 | 0.05000 | – | – |",
                String.format(java.util.Locale.ROOT, "| truck (CIFAR-10 trucks) | test | **0.05000** (13.01 dB) | – | – | "
                                + "**%.5f** (%.2f dB) | %.4f | %.3f | 0.03596 | 0.04000 | – | – |", expected.maskedMse(),
                        expected.psnr(), expected.ssim(), expected.detailRatio())),
                List.of(markdown.get(0), markdown.get(1), markdown.get(4), markdown.get(5)),
                "the README's table, from the CSV's figures: header, then the truck's rows");
        assertEquals(8, markdown.size(), "header, separator and 2 rows per setting");

        Table1.save(t, figures);
        Map<String, String> manifest = Manifest.read(figures.resolve("table1-manifest.properties")).entries();
        assertEquals("truck-best with flip", manifest.get("09-best-models-best.best.truck"));
        assertEquals("dilated32", manifest.get("09-best-models-best.architecture"));
        assertEquals("ce32", manifest.get("02-truck-metrics.architecture"));
        assertFalse(manifest.containsKey("09-best-models-best.best.general"));
    }

    @Test
    void eachNotebooksBestRowsJoinTheTableWithTheirManifests(@TempDir Path dir) throws Exception {
        Path figures = figures(dir, 0.03, 0.01, 0.05);
        String header = "setting,split,method,masked_mse,psnr,images,masked_l1,ssim,detail_ratio,mean_image_psnr\n";
        Files.writeString(figures.resolve("03-landmark-best.csv"), header + "landmark,test,best,0.019,17.2,5,0.1,0.8,0.3,18\n");
        new Manifest().put("best.landmark", "landmark with flip").write(figures.resolve("03-landmark-best-manifest.properties"));
        Files.writeString(figures.resolve("09-best-models-best.csv"), header + "truck,test,best,0.04,14,5,0.1,0.7,0.2,15\n");

        Table t = Table1.from(figures);
        Table1.save(t, figures);

        assertEquals(0.019, value(t, "landmark", "test", "best"), 1e-12);
        assertEquals(0.3, row(t, "landmark", "test", "best").getDouble("detail_ratio"), 1e-12);
        assertEquals(0.04, value(t, "truck", "test", "best"), 1e-12);
        assertEquals(20, t.rowCount(), "the settings' 18 rows and two best rows");
        assertEquals("landmark with flip", Manifest.read(figures.resolve("table1-manifest.properties")).entries()
                .get("03-landmark-best.best.landmark"));
    }

    @Test
    void relativeWordsLargeRatiosAsFactors() {
        assertEquals("2.00x lower", Table1.relative(0.01, 0.02));
        assertEquals("3.00x higher", Table1.relative(0.03, 0.01));
        assertEquals("10% lower", Table1.relative(0.009, 0.01));
    }

    @Test
    void theChartHasOneSeriesPerMethodShown(@TempDir Path dir) throws Exception {
        CategoryChart chart = Table1.chart(Table1.from(figures(dir, 0.03, 0.01, 0.05)));
        assertEquals(List.of("context-encoder", "harmonic", "paper"), List.copyOf(chart.getSeriesMap().keySet()));
    }

    @Test
    void aSettingWhoseNotebookHasNotRunSaysWhichToExecute(@TempDir Path dir) throws Exception {
        Path figures = figures(dir, 0.03, 0.01, 0.05);
        Files.delete(figures.resolve("02-truck-metrics.csv"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Table1.from(figures));
        assertEquals(figures.resolve("02-truck-metrics.csv") + " is missing: execute notebook 02-truck at this scale "
                + "first, since Table 1 reads the figures it saves.", e.getMessage());
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
