package org.contextencoder.experiment;

import org.contextencoder.train.LossHistory;
import org.contextencoder.viz.HeatMapTable;
import org.contextencoder.viz.HtmlDisplay;
import org.contextencoder.viz.HtmlTable;
import org.contextencoder.viz.LossCurve;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs side by side, finished or still training: their validation curves in one chart, and one table of the
 * settings in which they differ, how far each got, its best epoch and validation figure, and its test figures.
 * A notebook cell ending in {@code RunComparison.of(folderA, folderB)} shows both. A grid of runs (the optimizer
 * sweep) also reads as a coloured table ({@link #grid}) and as small multiples ({@link #panels}).
 */
public final class RunComparison implements HtmlDisplay {

    private static final String DEFAULT_TITLE = "Validation masked MSE per epoch";

    private final List<RunSnapshot> runs;
    private final List<String> names;
    private final boolean training;
    private final String title;

    private RunComparison(List<RunSnapshot> runs, List<String> names, boolean training, String title) {
        this.runs = runs;
        this.names = names;
        this.training = training;
        this.title = title;
    }

    public static RunComparison of(Path... folders) {
        return of(List.of(folders));
    }

    /** The runs in these folders, each named by its folder (with its parent's name where two share a name). */
    public static RunComparison of(List<Path> folders) {
        if (folders.isEmpty()) throw new IllegalArgumentException("give at least one run folder to compare");
        List<RunSnapshot> runs = folders.stream().map(RunSnapshot::read).toList();
        List<String> names = folders.stream().map(f -> String.valueOf(f.getFileName())).toList();
        if (new HashSet<>(names).size() < names.size()) {
            names = folders.stream()
                    .map(f -> f.toAbsolutePath().getParent().getFileName() + "/" + f.getFileName()).toList();
        }
        return new RunComparison(runs, names, false, DEFAULT_TITLE);
    }

    /** Every run in a folder of runs, e.g. a sweep's while it trains: runs not started yet are not there yet. */
    public static RunComparison under(Path parent) {
        if (!Files.isDirectory(parent)) throw new IllegalArgumentException(noRuns(parent));
        try (Stream<Path> children = Files.list(parent)) {
            List<Path> folders = children.filter(RunSnapshot::holdsRun).sorted().toList();
            if (folders.isEmpty()) {
                throw new IllegalArgumentException(noRuns(parent));
            }
            return of(folders);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + parent + ": " + e.getMessage(), e);
        }
    }

    private static String noRuns(Path parent) {
        return "no run folders in " + parent + ": give the folder that holds the runs";
    }

    /** The same comparison with each run's training curve dashed beside its validation curve. */
    public RunComparison withTraining() {
        return new RunComparison(runs, names, true, title);
    }

    /** The same comparison under another chart title. */
    public RunComparison titled(String chartTitle) {
        return new RunComparison(runs, names, training, chartTitle);
    }

    public List<RunSnapshot> runs() {
        return runs;
    }

    public List<String> names() {
        return names;
    }

    /** Each run's loss history so far, by name. */
    public Map<String, LossHistory> histories() {
        Map<String, LossHistory> histories = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) histories.put(names.get(i), runs.get(i).history());
        return histories;
    }

    /** The settings whose values are not the same in every run (a setting only some runs have counts). */
    public List<String> differingSettings() {
        Set<String> keys = new LinkedHashSet<>();
        runs.forEach(r -> keys.addAll(r.settings().keySet()));
        return keys.stream().filter(k -> runs.stream().map(r -> r.settings().get(k)).distinct().count() > 1).toList();
    }

    /** The validation curves, one series per run that has finished an epoch. */
    public XYChart chart() {
        return LossCurve.compare(histories(), title, training);
    }

    /** One row per run: status, the settings that differ, best epoch, best validation and test figures. */
    public Table table() {
        Table table = Table.create("runs compared", StringColumn.create("run", names),
                StringColumn.create("status", runs.stream().map(RunSnapshot::status).toList()));
        for (String key : differingSettings()) {
            table.addColumns(StringColumn.create(key, runs.stream()
                    .map(r -> display(Objects.requireNonNullElse(r.settings().get(key), ""))).toList()));
        }
        table.addColumns(IntColumn.create("best_epoch", runs.stream().mapToInt(RunSnapshot::bestEpoch).toArray()),
                figures("best_val_mse", runs.stream().mapToDouble(RunSnapshot::bestValidation).toArray()));
        Set<String> scores = new LinkedHashSet<>();
        runs.forEach(r -> scores.addAll(r.testScores().keySet()));
        for (String score : scores) {
            table.addColumns(figures(score, runs.stream()
                    .mapToDouble(r -> r.testScores().getOrDefault(score, Double.NaN)).toArray()));
        }
        return table;
    }

    /**
     * The best validation figure of every run as a table of one setting's values (rows) by another's
     * (columns), each cell coloured by its value: a grid of runs shown as the grid it is.
     */
    public HeatMapTable grid(String rowSetting, String columnSetting) {
        List<String> rows = values(rowSetting);
        List<String> columns = values(columnSetting);
        double[][] cells = new double[columns.size()][rows.size()];
        for (double[] column : cells) Arrays.fill(column, Double.NaN);
        Map<List<String>, String> taken = new HashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            String row = value(i, rowSetting);
            String column = value(i, columnSetting);
            String other = taken.put(List.of(row, column), names.get(i));
            if (other != null) {
                throw new IllegalArgumentException(other + " and " + names.get(i) + " both have " + rowSetting + "="
                        + row + " and " + columnSetting + "=" + column
                        + ": give runs that differ in these two settings");
            }
            cells[columns.indexOf(column)][rows.indexOf(row)] = runs.get(i).bestValidation();
        }
        long unfinished = runs.stream().filter(r -> !r.finished()).count();
        Table table = Table.create("best validation masked MSE, " + rowSetting + " x " + columnSetting
                + (unfinished > 0 ? " (" + unfinished + " of " + runs.size() + " runs unfinished: best so far)" : ""),
                StringColumn.create(rowSetting, rows));
        for (int c = 0; c < columns.size(); c++) {
            table.addColumns(figures(columnSetting + "=" + columns.get(c), cells[c]));
        }
        return new HeatMapTable(table);
    }

    /**
     * Small multiples: one panel per value of {@code panelSetting} (e.g. each optimizer), in it one curve per
     * value of {@code curveSetting} (its learning rates), all on the same axes.
     */
    public BufferedImage panels(String panelSetting, String curveSetting) {
        Map<String, Map<String, LossHistory>> panels = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            panels.computeIfAbsent(panelSetting + "=" + value(i, panelSetting), k -> new LinkedHashMap<>())
                    .put(curveSetting + "=" + value(i, curveSetting), runs.get(i).history());
        }
        return LossCurve.panels(panels, title, training);
    }

    @Override
    public String html() {
        return "<div>\n<img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(LossCurve.png(chart()))
                + "\" alt=\"" + HtmlTable.escape(title) + "\"/>\n" + HtmlTable.of(table(), runs.size()) + "</div>\n";
    }

    @Override
    public String text() {
        return table().printAll();
    }

    @Override
    public String toString() {
        return text();
    }

    /** Each distinct value of a setting, in the order of the runs. */
    private List<String> values(String setting) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            String v = value(i, setting);
            if (!values.contains(v)) values.add(v);
        }
        return values;
    }

    private String value(int run, String setting) {
        String v = runs.get(run).settings().get(setting);
        if (v == null) {
            throw new IllegalArgumentException(names.get(run) + " has no setting " + setting + ": choose one of "
                    + runs.get(run).settings().keySet());
        }
        return display(v);
    }

    /** 0.0001 rather than 1.0E-4, and a commit or checksum by its first ten digits, as people read them. */
    static String display(String value) {
        if (value.matches("-?\\d+(\\.\\d+)?[eE]-?\\d+")) {
            return new BigDecimal(value).stripTrailingZeros().toPlainString();
        }
        if (value.matches("[0-9a-f]{20,}(-dirty)?")) return value.substring(0, 10) + value.replaceAll("^[0-9a-f]+", "");
        return value;
    }

    /** A column of figures shown to five decimals, as the README gives them (the CSV keeps them all). */
    private static DoubleColumn figures(String name, double[] values) {
        DoubleColumn column = DoubleColumn.create(name, values);
        DecimalFormat fiveDecimals = new DecimalFormat("0.00000", DecimalFormatSymbols.getInstance(Locale.ROOT));
        column.setPrintFormatter(new NumberColumnFormatter(fiveDecimals, ""));
        return column;
    }
}
