package org.contextencoder.viz;

import org.contextencoder.train.EpochRecord;
import org.contextencoder.train.LossHistory;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Loss curves as XChart charts: one run's training and validation loss, or many runs' validation losses. */
public final class LossCurve {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;

    private LossCurve() {
    }

    /** Training and validation loss (masked MSE, per pixel) per epoch, as the paper's figures 3, 6 and 9. */
    public static XYChart of(LossHistory history, String title) {
        XYChart chart = base(title);
        chart.addSeries("training", epochs(history), history.records().stream().mapToDouble(EpochRecord::trainLoss).toArray());
        chart.addSeries("validation", epochs(history), history.records().stream().mapToDouble(EpochRecord::valLoss).toArray());
        return chart;
    }

    /** The validation curves of several runs in one chart, e.g. the optimizer x learning-rate sweep. */
    public static XYChart compare(Map<String, LossHistory> runs, String title) {
        XYChart chart = base(title);
        runs.forEach((name, h) -> chart.addSeries(name, epochs(h),
                h.records().stream().mapToDouble(EpochRecord::valLoss).toArray()));
        chart.getStyler().setYAxisLogarithmic(true);
        return chart;
    }

    public static BufferedImage toImage(XYChart chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** Any XChart chart (loss curves, bar charts) as a PNG file. */
    public static void savePng(Chart<?, ?> chart, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    private static XYChart base(String title) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("epoch").yAxisTitle("masked MSE").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setYAxisDecimalPattern("0.0000");
        chart.getStyler().setXAxisDecimalPattern("0");
        return chart;
    }

    private static double[] epochs(LossHistory h) {
        return h.records().stream().mapToDouble(EpochRecord::epoch).toArray();
    }
}
