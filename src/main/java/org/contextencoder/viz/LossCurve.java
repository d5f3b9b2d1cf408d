package org.contextencoder.viz;

import org.contextencoder.train.EpochRecord;
import org.contextencoder.train.LossHistory;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.DoubleStream;

/**
 * Loss curves as XChart charts: one run's training and validation loss, many runs' validation losses in one
 * chart, or in small multiples (one panel per group of runs).
 */
public final class LossCurve {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;
    private static final int PANEL_WIDTH = 560;
    private static final int PANEL_HEIGHT = 340;
    private static final int TITLE_HEIGHT = 34;

    private LossCurve() {
    }

    /** Training and validation loss (masked MSE, per pixel) per epoch, as the paper's figures 3, 6 and 9. */
    public static XYChart of(LossHistory history, String title) {
        XYChart chart = base(title, WIDTH, HEIGHT);
        chart.addSeries("training", epochs(history), training(history));
        chart.addSeries("validation", epochs(history), validation(history));
        return chart;
    }

    /** The validation curves of several runs in one chart, e.g. the optimizer x learning-rate sweep. */
    public static XYChart compare(Map<String, LossHistory> runs, String title) {
        return compare(runs, title, false);
    }

    /**
     * Several runs' validation curves in one chart, one colour per run and the legend beside the plot, not over
     * it; with {@code training}, each run's training curve dashed in its colour. A run without a finished epoch
     * has no curve yet.
     */
    public static XYChart compare(Map<String, LossHistory> runs, String title, boolean training) {
        XYChart chart = base(title, WIDTH, HEIGHT);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        Map<String, Color> colours = colours(runs.keySet(), chart);
        runs.forEach((name, h) -> addRun(chart, name, h, colours.get(name), training));
        return chart;
    }

    /**
     * Small multiples: one chart per panel (e.g. per optimizer), each comparing its runs as {@link #compare}
     * does, two panels a row in one image under the title.
     */
    public static BufferedImage panels(Map<String, Map<String, LossHistory>> panels, String title, boolean training) {
        return grid(panelCharts(panels, training).stream().map(BitmapEncoder::getBufferedImage).toList(), title);
    }

    /**
     * The charts of {@link #panels}: every one with the same y axis, and a run name (e.g. a learning rate) in
     * the same colour in every panel, so that the panels compare at a glance.
     */
    public static List<XYChart> panelCharts(Map<String, Map<String, LossHistory>> panels, boolean training) {
        Set<String> names = new LinkedHashSet<>();
        panels.values().forEach(runs -> names.addAll(runs.keySet()));
        Map<String, Color> colours = colours(names, base("", PANEL_WIDTH, PANEL_HEIGHT));
        double[] range = range(panels.values(), training);
        List<XYChart> charts = new ArrayList<>();
        panels.forEach((panel, runs) -> {
            XYChart chart = base(panel, PANEL_WIDTH, PANEL_HEIGHT);
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS)
                    .setLegendLayout(Styler.LegendLayout.Horizontal)
                    .setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            runs.forEach((name, h) -> addRun(chart, name, h, colours.get(name), training));
            if (range[0] < range[1]) chart.getStyler().setYAxisMin(range[0]).setYAxisMax(range[1]);
            charts.add(chart);
        });
        return charts;
    }

    /** Any XChart chart as the bytes of a PNG, e.g. to embed in HTML. */
    public static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the chart " + chart.getTitle() + " as PNG: "
                    + e.getMessage(), e);
        }
    }

    private static XYChart base(String title, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle("epoch").yAxisTitle("masked MSE").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setYAxisDecimalPattern("0.0000");
        chart.getStyler().setXAxisDecimalPattern("0");
        return chart;
    }

    /** XChart's series colours, one per name in order. */
    private static Map<String, Color> colours(Set<String> names, XYChart chart) {
        Color[] palette = chart.getStyler().getSeriesColors();
        Map<String, Color> colours = new LinkedHashMap<>();
        for (String name : names) colours.put(name, palette[colours.size() % palette.length]);
        return colours;
    }

    private static void addRun(XYChart chart, String name, LossHistory h, Color colour, boolean training) {
        if (h.size() == 0) return;
        XYSeries validation = chart.addSeries(name, epochs(h), validation(h));
        validation.setMarkerColor(colour);
        validation.setLineColor(colour);
        if (training) {
            chart.addSeries(name + " (training)", epochs(h), training(h))
                    .setMarker(SeriesMarkers.NONE).setLineColor(colour).setLineStyle(SeriesLines.DASH_DASH);
        }
    }

    /** The lowest and highest loss drawn in any panel, a twentieth of the span added on each side. */
    private static double[] range(Collection<Map<String, LossHistory>> panels, boolean training) {
        DoubleSummaryStatistics s = panels.stream().flatMap(runs -> runs.values().stream())
                .flatMap(h -> h.records().stream())
                .flatMapToDouble(r -> training ? DoubleStream.of(r.valLoss(), r.trainLoss())
                        : DoubleStream.of(r.valLoss()))
                .filter(Double::isFinite).summaryStatistics();
        if (s.getCount() == 0) return new double[]{0, 0};
        double margin = (s.getMax() - s.getMin()) / 20;
        return new double[]{Math.max(0, s.getMin() - margin), s.getMax() + margin};
    }

    /** Panels two a row under a title. */
    private static BufferedImage grid(List<BufferedImage> panels, String title) {
        int rows = (panels.size() + 1) / 2;
        int columns = Math.min(2, panels.size());
        BufferedImage out = new BufferedImage(Math.max(1, columns) * PANEL_WIDTH, TITLE_HEIGHT + rows * PANEL_HEIGHT,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, (out.getWidth() - g.getFontMetrics().stringWidth(title)) / 2, TITLE_HEIGHT - 10);
            for (int i = 0; i < panels.size(); i++) {
                g.drawImage(panels.get(i), (i % 2) * PANEL_WIDTH, TITLE_HEIGHT + (i / 2) * PANEL_HEIGHT, null);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static double[] epochs(LossHistory h) {
        return h.records().stream().mapToDouble(EpochRecord::epoch).toArray();
    }

    private static double[] training(LossHistory h) {
        return h.records().stream().mapToDouble(EpochRecord::trainLoss).toArray();
    }

    private static double[] validation(LossHistory h) {
        return h.records().stream().mapToDouble(EpochRecord::valLoss).toArray();
    }
}
