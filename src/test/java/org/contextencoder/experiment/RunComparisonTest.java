package org.contextencoder.experiment;

import org.contextencoder.SharedData;
import org.contextencoder.train.ProgressListener;
import org.contextencoder.viz.ColourScale;
import org.contextencoder.viz.HeatMapTable;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.contextencoder.experiment.RunFolders.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunComparisonTest {

    private static final String METRICS = """
            setting,split,method,masked_mse,psnr,images,ssim
            general,train,context-encoder,0.02,17.0,256,0.9
            general,train,harmonic,0.03,15.2,256,0.8
            general,test,harmonic,0.031,15.1,64,0.79
            general,test,context-encoder,0.0245,16.1,64,0.88
            """;

    @Test
    void theTableShowsTheSettingsThatDifferAndNoOthers(@TempDir Path dir) {
        Path adam = run(dir.resolve("adam")).epochs(0.05, 0.04).finished().write();
        Path sgd = run(dir.resolve("sgd")).set("optimizer", "sgd").set("learning_rate", "1.0E-4").epochs(0.09)
                .finished().write();

        RunComparison comparison = RunComparison.of(adam, sgd);
        Table table = comparison.table();

        assertEquals(List.of("optimizer", "learning_rate"), comparison.differingSettings());
        assertEquals(List.of("run", "status", "optimizer", "learning_rate", "best_epoch", "best_val_mse"),
                table.columnNames());
        assertEquals(List.of("adam", "sgd"), table.stringColumn("run").asList());
        assertEquals(List.of("0.001", "0.0001"), table.stringColumn("learning_rate").asList(),
                "rates as people write them");
        assertEquals(List.of(2, 1), table.intColumn("best_epoch").asList());
        assertEquals(0.04, table.doubleColumn("best_val_mse").get(0), 1e-12);
    }

    @Test
    void aSettingOnlySomeRunsHaveCountsAsADifference(@TempDir Path dir) {
        Path plain = run(dir.resolve("plain")).epochs(0.05).finished().write();
        Path decayed = run(dir.resolve("decayed")).set("lr_patience", "2").epochs(0.05).finished().write();

        Table table = RunComparison.of(plain, decayed).table();

        assertEquals(List.of("", "2"), table.stringColumn("lr_patience").asList());
    }

    @Test
    void eachRunSaysWhetherItIsTrainingAndHowFarItIs(@TempDir Path dir) {
        Path done = run(dir.resolve("done")).epochs(0.05, 0.04, 0.039, 0.038, 0.037, 0.036, 0.035, 0.034, 0.033, 0.032)
                .finished().write();
        Path early = run(dir.resolve("early")).epochs(0.05, 0.04, 0.041, 0.042).finished().write();
        Path running = run(dir.resolve("running")).epochs(0.05, 0.045, 0.044).write();
        Path stopped = run(dir.resolve("stopped")).epochs(0.05, 0.048).write();
        RunFolders.writtenAgo(stopped, Duration.ofDays(3));
        Path starting = run(dir.resolve("starting")).write();

        RunComparison comparison = RunComparison.of(done, early, running, stopped, starting);
        List<String> status = comparison.table().stringColumn("status").asList();

        assertEquals("finished: 10 of 10 epochs", status.get(0));
        assertEquals("finished: 4 of 10 epochs, stopped early", status.get(1));
        assertTrue(status.get(2).matches("training: 3 of 10 epochs done, updated \\d+ s ago"), status.get(2));
        assertEquals("unfinished: 2 of 10 epochs done, updated 3 days ago", status.get(3));
        assertTrue(status.get(4).startsWith("training: 0 of 10 epochs done"), status.get(4));
        assertEquals(List.of(false, false, true, false, true),
                comparison.runs().stream().map(RunSnapshot::training).toList());
    }

    @Test
    void theChartHasOneValidationSeriesPerRunAndTrainingOnRequest(@TempDir Path dir) {
        Path a = run(dir.resolve("a")).epochs(0.05, 0.04).finished().write();
        Path b = run(dir.resolve("b")).set("seed", "7").epochs(0.06, 0.05, 0.045).write();
        Path c = run(dir.resolve("c")).set("seed", "8").epochs(0.07).write();

        XYChart chart = RunComparison.of(a, b, c).chart();
        XYChart both = RunComparison.of(a, b, c).withTraining().chart();

        assertEquals(List.of("a", "b", "c"), List.copyOf(chart.getSeriesMap().keySet()));
        assertEquals(3, chart.getSeriesMap().get("b").getXData().length, "b's three epochs so far");
        assertEquals(0.045, chart.getSeriesMap().get("b").getYData()[2], 1e-12);
        assertEquals(List.of("a", "a (training)", "b", "b (training)", "c", "c (training)"),
                List.copyOf(both.getSeriesMap().keySet()));
        assertEquals(both.getSeriesMap().get("b").getLineColor(),
                both.getSeriesMap().get("b (training)").getLineColor());
    }

    @Test
    void testFiguresComeFromTheModelsTestRowOfMetricsCsv(@TempDir Path dir) {
        Path scored = run(dir.resolve("scored")).epochs(0.03).metrics(METRICS).write();
        Path running = run(dir.resolve("running")).set("seed", "1").epochs(0.04).write();

        Table table = RunComparison.of(scored, running).table();

        assertEquals(List.of("test_masked_mse", "test_psnr", "test_ssim"),
                table.columnNames().subList(table.columnCount() - 3, table.columnCount()));
        assertEquals(0.0245, table.doubleColumn("test_masked_mse").get(0), 1e-12,
                "the model's row, not harmonic fill's");
        assertEquals(0.88, table.doubleColumn("test_ssim").get(0), 1e-12);
        assertTrue(table.doubleColumn("test_masked_mse").isMissing(1), "a run not scored yet has no test figures");
    }

    @Test
    void aCellEndingInAComparisonShowsTheChartAndTheTable(@TempDir Path dir) throws Exception {
        Path a = run(dir.resolve("a")).epochs(0.05, 0.04).finished().write();
        Path b = run(dir.resolve("b")).set("optimizer", "sgd").epochs(0.06).write();

        DisplayData shown = new Renderer().render(RunComparison.of(a, b)); // as the kernel renders a cell's value

        String html = (String) shown.getData(MIMEType.TEXT_HTML);
        Matcher png = Pattern.compile("src=\"data:image/png;base64,([^\"]+)\"").matcher(html);
        assertTrue(png.find(), html);
        BufferedImage chart = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png.group(1))));
        assertEquals(720, chart.getWidth());
        assertTrue(html.contains("<th>optimizer</th>") && html.contains("<td>sgd</td>"), html);
        String text = (String) shown.getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.contains("training: 1 of 10 epochs done"), text);
    }

    @Test
    void theGridPlacesEachRunInItsCellAndColoursCellsInTheOrderOfTheirValues(@TempDir Path dir) throws Exception {
        List<Path> folders = new ArrayList<>();
        String[] optimizers = {"sgd", "adam", "adamw", "rmsprop"};
        String[] rates = {"0.01", "0.001", "1.0E-4"};
        double[][] best = {{0.048, 0.068, 0.088}, {0.0303, 0.0292, 0.0299}, {0.0323, 0.0293, 0.0300},
                {0.041, 0.034, 0.0343}};
        for (int o = 0; o < 4; o++) {
            for (int r = 0; r < 3; r++) {
                folders.add(run(dir.resolve(optimizers[o] + "-" + r)).set("optimizer", optimizers[o])
                        .set("learning_rate", rates[r]).epochs(best[o][r] + 0.01, best[o][r]).finished().write());
            }
        }

        HeatMapTable grid = RunComparison.of(folders).grid("optimizer", "learning_rate");
        Table table = grid.table();

        assertEquals(List.of("optimizer", "learning_rate=0.01", "learning_rate=0.001", "learning_rate=0.0001"),
                table.columnNames());
        assertEquals(List.of(optimizers), table.stringColumn("optimizer").asList());
        for (int o = 0; o < 4; o++) {
            for (int r = 0; r < 3; r++) assertEquals(best[o][r], table.doubleColumn(r + 1).get(o), 1e-12);
        }
        // The cells as the notebook shows them: ranked by value, each is lighter than the one before.
        List<double[]> cells = new ArrayList<>(); // value, luminance of its background
        Matcher td = Pattern.compile("<td style=\"background-color: #([0-9a-f]{6})[^\"]*\">([0-9.]+)</td>")
                .matcher(grid.html());
        while (td.find()) {
            Color background = new Color(Integer.parseInt(td.group(1), 16));
            cells.add(new double[]{Double.parseDouble(td.group(2)), ColourScale.luminance(background)});
        }
        assertEquals(12, cells.size(), grid.html());
        cells.sort(Comparator.comparingDouble(c -> c[0]));
        for (int i = 1; i < cells.size(); i++) {
            assertTrue(cells.get(i)[1] > cells.get(i - 1)[1],
                    "cell " + cells.get(i)[0] + " lighter than " + cells.get(i - 1)[0]);
        }
    }

    @Test
    void twoRunsInOneCellOfTheGridAreRefused(@TempDir Path dir) {
        Path a = run(dir.resolve("a")).epochs(0.05).write();
        Path b = run(dir.resolve("b")).set("seed", "7").epochs(0.06).write();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunComparison.of(a, b).grid("optimizer", "learning_rate"));
        assertEquals("a and b both have optimizer=adam and learning_rate=0.001: "
                + "give runs that differ in these two settings", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RunComparison.of(a, b).grid("optimiser", "seed"));
        assertTrue(e.getMessage().startsWith("a has no setting optimiser: choose one of [experiment, "),
                e.getMessage());
    }

    @Test
    void aFolderWithoutARunIsRefusedWithWhatToGive(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunComparison.of(empty));
        assertTrue(e.getMessage().startsWith("no run in " + empty + " ("), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RunComparison.under(dir));
        assertEquals("no run folders in " + dir + ": give the folder that holds the runs", e.getMessage());
    }

    @Test
    void underFindsEveryRunStartedInAFolderOfRuns(@TempDir Path dir) throws Exception {
        run(dir.resolve("sgd-0.01")).set("optimizer", "sgd").epochs(0.05).finished().write();
        run(dir.resolve("adam-0.01")).epochs(0.04).write();
        Files.createDirectories(dir.resolve("not-a-run"));

        assertEquals(List.of("adam-0.01", "sgd-0.01"), RunComparison.under(dir).names());
    }

    @Test
    void runsOfTheSameNameAreToldApartByTheirParent(@TempDir Path dir) {
        Path a = run(dir.resolve("full").resolve("truck")).epochs(0.05).finished().write();
        Path b = run(dir.resolve("small").resolve("truck")).set("epochs", "1").epochs(0.06).finished().write();

        assertEquals(List.of("full/truck", "small/truck"), RunComparison.of(a, b).names());
    }

    @Test
    void aRunTheWorkbenchTrainedReadsBackWithItsTestFigures(@TempDir Path dir) {
        RunSpec spec = RunSpec.of(Experiment.TRUCK, 1, SharedData.root()).withLimits(48, 16);
        TrainedRun report = RunPipeline.train(spec, dir.resolve("truck"), ProgressListener.SILENT);

        Table table = RunComparison.of(report.folder()).table();

        Table metrics = report.metrics().table();
        Row model = metrics.where(metrics.stringColumn("split").isEqualTo("test")).row(0);
        assertEquals("finished: 1 of 1 epochs", table.stringColumn("status").get(0));
        assertEquals(model.getDouble("masked_mse"), table.doubleColumn("test_masked_mse").get(0), 1e-12);
        assertEquals(report.history().best().valLoss(), table.doubleColumn("best_val_mse").get(0), 1e-6);
        assertFalse(table.columnNames().contains("created"));
    }
}
