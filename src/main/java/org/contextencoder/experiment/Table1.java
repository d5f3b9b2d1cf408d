package org.contextencoder.experiment;

import org.contextencoder.eval.MaskedError;
import org.contextencoder.eval.ModelInpainter;
import org.contextencoder.viz.MetricFormats;
import org.contextencoder.viz.ResultTable;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The paper's Table 1 (section 3.5) reproduced: masked MSE and PSNR of each setting's model and baselines, on
 * training and test images, beside the paper's own figures (method {@code paper}), then the metrics the paper does
 * not report ({@link ResultTable#LATER_METRICS}); they are empty for the paper and for runs scored before them. Rows
 * of method {@link BestModel#METHOD}, on test images only, give this project's best model of each setting.
 * <p>
 * It collects what the experiment notebooks scored and saved (their {@code metrics} CSVs, and the
 * {@link BestModel#testScoresFile best models' scores} of notebooks 03 and 09) rather than scoring models again: the test split is scored
 * once, and the table can be rebuilt from a clone without any run folder.
 */
public final class Table1 {

    /** The paper's Table 1: {setting: {split: masked MSE}}. */
    public static final Map<String, Map<String, Double>> PAPER = Map.of(
            "general", Map.of("train", 0.0216, "test", 0.02493),
            "truck", Map.of("train", 0.0025, "test", 0.03596),
            "landmark", Map.of("train", 0.11007, "test", 0.03086));

    public static final String PAPER_METHOD = "paper";
    private static final String FILE = "table1.csv";
    static final List<String> SETTINGS = List.of("general", "truck", "landmark");
    /** The notebook that trains and scores each setting's model; its {@code metrics} CSV holds the setting's rows. */
    static final Map<String, String> NOTEBOOKS = Map.of("general", "01-general-class", "truck", "02-truck",
            "landmark", "03-landmark");
    /** The notebooks that save best models' test scores: the landmark U-Net's, and the 32 px winner's. */
    static final List<String> BEST_NOTEBOOKS = List.of("03-landmark", "09-best-models");
    /** The strongest baseline: what a learned model has to beat to be worth its training. */
    static final String BASELINE = "harmonic";

    private Table1() {
    }

    /**
     * The table from the figures folder {@code figures}: each setting's training and test rows from its notebook's
     * {@code metrics} CSV, a {@code best} test row for each setting whose best model a notebook has scored, and the
     * paper's figures.
     *
     * @throws IllegalStateException if a setting's notebook has not saved its metrics there
     */
    public static Table from(Path figures) {
        Table t = Table.create("Table 1: masked MSE", StringColumn.create("setting"), StringColumn.create("split"),
                StringColumn.create("method"), DoubleColumn.create("masked_mse"), DoubleColumn.create("psnr"));
        for (String metric : ResultTable.LATER_METRICS) t.addColumns(DoubleColumn.create(metric));
        MetricFormats.applyTo(t);
        List<Table> best = bestFiles(figures).stream().map(Table1::read).toList();
        for (String setting : SETTINGS) {
            Table metrics = read(source(figures, setting));
            for (String split : List.of("train", "test")) {
                appendRows(t, metrics, setting, split, method -> true);
                if (split.equals("test")) {
                    for (Table b : best) appendRows(t, b, setting, split, BestModel.METHOD::equals);
                }
                append(t, setting, split, PAPER_METHOD, PAPER.get(setting).get(split), metric -> Double.NaN);
            }
        }
        return t;
    }

    /**
     * Saves the table as {@code table1.csv} in {@code figures} (the README's Table 1 is copied from it), with the
     * manifests of the CSVs it was read from in {@code table1-manifest.properties}, each entry under its CSV's name
     * ({@code 01-general-class-metrics.best_epoch}); returns the table.
     */
    public static Table save(Table table, Path figures) {
        List<Path> sources = new ArrayList<>();
        for (String setting : SETTINGS) sources.add(source(figures, setting));
        sources.addAll(bestFiles(figures));
        Manifest manifest = new Manifest();
        for (Path csv : sources) {
            Path file = Figures.manifestOf(csv);
            if (!Files.isRegularFile(file)) continue;
            String prefix = csv.getFileName().toString().replaceFirst("\\.csv$", ".");
            Manifest.read(file).entries().forEach((k, v) -> manifest.put(prefix + k, v));
        }
        return Figures.save(table, figures.resolve(FILE), manifest);
    }

    /** The best models' test scores saved in {@code figures}, by the notebooks that have saved them. */
    private static List<Path> bestFiles(Path figures) {
        return BEST_NOTEBOOKS.stream().map(n -> BestModel.testScoresFile(new Figures(figures, n)))
                .filter(Files::isRegularFile).toList();
    }

    /** The metrics CSV a setting's notebook saved in {@code figures}. */
    static Path source(Path figures, String setting) {
        String notebook = NOTEBOOKS.get(setting);
        Path csv = new Figures(figures, notebook).file("metrics", "csv");
        if (!Files.isRegularFile(csv)) {
            throw new IllegalStateException(csv + " is missing: execute notebook " + notebook
                    + " at this scale first, since Table 1 reads the figures it saves.");
        }
        return csv;
    }

    private static Table read(Path csv) {
        return Table.read().csv(csv.toFile());
    }

    /** The rows of {@code from} for one setting and split whose method passes {@code method}, in their order. */
    private static void appendRows(Table t, Table from, String setting, String split, Predicate<String> method) {
        for (Row r : from) {
            if (!r.getString("setting").equals(setting) || !r.getString("split").equals(split)
                    || !method.test(r.getString("method"))) continue;
            append(t, setting, split, r.getString("method"), r.getDouble("masked_mse"),
                    metric -> laterMetric(from, r, metric));
        }
    }

    /**
     * One line per setting: our model's masked MSE against the paper's and against harmonic fill, on test and
     * training images. Computed from the table, so the notebook's comparison never states stale numbers.
     */
    public static String comparison(Table table) {
        List<String> lines = new ArrayList<>();
        for (String setting : SETTINGS) {
            OptionalDouble test = value(table, setting, "test", ModelInpainter.NAME);
            OptionalDouble train = value(table, setting, "train", ModelInpainter.NAME);
            if (test.isEmpty() || train.isEmpty()) continue;
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "%s: test masked MSE %.5f vs the paper's %.5f (%s)", setting, test.getAsDouble(),
                    PAPER.get(setting).get("test"), relative(test.getAsDouble(), PAPER.get(setting).get("test"))));
            value(table, setting, "test", BASELINE).ifPresent(h -> line.append(String.format(Locale.ROOT,
                    "; harmonic fill %.5f (ours is %s)", h, relative(test.getAsDouble(), h))));
            line.append(String.format(Locale.ROOT, "; training %.5f vs the paper's %.5f (%s).", train.getAsDouble(),
                    PAPER.get(setting).get("train"), relative(train.getAsDouble(), PAPER.get(setting).get("train"))));
            value(table, setting, "test", BestModel.METHOD).ifPresent(b -> line.append(String.format(Locale.ROOT,
                    " This project's best model: test %.5f (%s than the paper's model here).", b,
                    relative(b, test.getAsDouble()))));
            lines.add(line.toString());
        }
        return String.join("\n", lines);
    }

    /** How the README names each setting. */
    private static final Map<String, String> README_SETTINGS = Map.of("general", "general (all of CIFAR-10)",
            "truck", "truck (CIFAR-10 trucks)", "landmark", "landmark (scenes, 32 px hole)");

    /**
     * The README's Table 1, as Markdown: per setting and split, our model's masked MSE with its PSNR, SSIM and detail
     * ratio, the same for the best model (test rows), then the paper's figure and the three baselines' masked MSE.
     * A figure the table lacks is a dash.
     */
    public static String markdown(Table table) {
        StringBuilder md = new StringBuilder("| setting | split | context encoder (PSNR) | SSIM | detail ratio | best model "
                + "(PSNR) | SSIM | detail ratio | paper | harmonic fill | ring mean | training mean |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String setting : SETTINGS) {
            for (String split : List.of("train", "test")) {
                Optional<Row> model = row(table, setting, split, ModelInpainter.NAME);
                if (model.isEmpty()) continue;
                Optional<Row> best = row(table, setting, split, BestModel.METHOD);
                md.append("| ").append(README_SETTINGS.get(setting)).append(" | ").append(split).append(" | ")
                        .append(withPsnr(model)).append(" | ").append(figure(model, "ssim", "%.4f")).append(" | ")
                        .append(figure(model, "detail_ratio", "%.3f")).append(" | ").append(withPsnr(best))
                        .append(" | ").append(figure(best, "ssim", "%.4f")).append(" | ")
                        .append(figure(best, "detail_ratio", "%.3f"));
                for (String method : List.of(PAPER_METHOD, BASELINE, "ring-mean", "train-mean")) {
                    md.append(" | ").append(figure(row(table, setting, split, method), "masked_mse", "%.5f"));
                }
                md.append(" |\n");
            }
        }
        return md.toString();
    }

    /** A model's masked MSE in bold, with its PSNR. */
    private static String withPsnr(Optional<Row> r) {
        return r.map(row -> String.format(Locale.ROOT, "**%.5f** (%.2f dB)", row.getDouble("masked_mse"),
                row.getDouble("psnr"))).orElse("–");
    }

    private static String figure(Optional<Row> r, String column, String format) {
        if (r.isEmpty() || Double.isNaN(r.get().getDouble(column))) return "–";
        return String.format(Locale.ROOT, format, r.get().getDouble(column));
    }

    private static Optional<Row> row(Table table, String setting, String split, String method) {
        for (Row r : table) {
            if (r.getString("setting").equals(setting) && r.getString("split").equals(split)
                    && r.getString("method").equals(method)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Test masked MSE per setting: our model, harmonic fill and the paper, as grouped bars. */
    public static CategoryChart chart(Table table) {
        CategoryChart chart = new CategoryChartBuilder().width(720).height(420).title("Table 1: test masked MSE")
                .xAxisTitle("setting").yAxisTitle("masked MSE").build();
        for (String method : List.of(ModelInpainter.NAME, BestModel.METHOD, BASELINE, PAPER_METHOD)) {
            List<String> settings = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (String setting : SETTINGS) {
                value(table, setting, "test", method).ifPresent(v -> {
                    settings.add(setting);
                    values.add(v);
                });
            }
            if (!settings.isEmpty()) chart.addSeries(method, settings, values);
        }
        return chart;
    }

    /** "12% lower", "2.50x higher": how {@code ours} stands against {@code reference}. */
    static String relative(double ours, double reference) {
        double ratio = ours / reference;
        if (ratio >= 2) return String.format(Locale.ROOT, "%.2fx higher", ratio);
        if (ratio <= 0.5) return String.format(Locale.ROOT, "%.2fx lower", 1 / ratio);
        double percent = Math.round(Math.abs(ratio - 1) * 100);
        return percent == 0 ? "about equal" : String.format(Locale.ROOT, "%.0f%% %s", percent, ratio > 1 ? "higher" : "lower");
    }

    private static OptionalDouble value(Table table, String setting, String split, String method) {
        return row(table, setting, split, method).map(r -> OptionalDouble.of(r.getDouble("masked_mse")))
                .orElse(OptionalDouble.empty());
    }

    /** A row's value of one of the later metrics; missing (NaN) in a metrics.csv written before them. */
    private static double laterMetric(Table metrics, Row r, String metric) {
        return metrics.containsColumn(metric) && metrics.column(metric) instanceof NumberColumn<?, ?>
                ? r.getNumber(metric) : Double.NaN;
    }

    /** One row; {@code later} gives the value of each of {@link ResultTable#LATER_METRICS} (NaN: missing). */
    private static void append(Table t, String setting, String split, String method, double mse,
                               ToDoubleFunction<String> later) {
        t.stringColumn("setting").append(setting);
        t.stringColumn("split").append(split);
        t.stringColumn("method").append(method);
        t.doubleColumn("masked_mse").append(mse);
        t.doubleColumn("psnr").append(MaskedError.psnr(mse));
        for (String metric : ResultTable.LATER_METRICS) t.doubleColumn(metric).append(later.applyAsDouble(metric));
    }
}
