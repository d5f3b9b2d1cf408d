package org.contextencoder.experiment;

import org.contextencoder.data.ImageSet;
import org.contextencoder.eval.Evaluator;
import org.contextencoder.eval.ModelInpainter;
import org.contextencoder.eval.Score;
import org.contextencoder.model.InpaintingModel;
import org.contextencoder.train.ProgressListener;
import org.contextencoder.viz.ResultTable;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The adversarial weight swept: one fine-tune (the same starting model, images, epochs and seed) with the joint
 * loss at each weight, each in its own folder, so an interrupted sweep resumes and a finished run is reused; each
 * run's model scored on the run's validation images, where choices are made (the test split is scored once, on
 * the models chosen).
 */
public final class WeightSweep {

    private WeightSweep() {
    }

    /** One weight's run: where it lives and its model's scores on the validation images. */
    public record Point(double weight, Path folder, Score score) {
    }

    /** The finished sweep, one point per weight in the order swept. */
    public record Result(String setting, List<Point> points) {

        /** Every weight's scores, one row each (method {@code w=0.001}), split {@code validation}. */
        public Table table() {
            ResultTable table = new ResultTable(setting + ": adversarial weight, validation images");
            points.forEach(p -> table.add(setting, ValidationSplit.KEY, p.score()));
            return table.table();
        }

        /** Masked MSE against detail ratio, one labelled point per weight: the trade-off at a glance. */
        public XYChart chart() {
            XYChart chart = new XYChartBuilder().width(720).height(420)
                    .title(setting + ": masked MSE against detail ratio, by adversarial weight (validation)")
                    .xAxisTitle("detail ratio (1 = as much local detail as real images)")
                    .yAxisTitle("masked MSE").build();
            chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter)
                    .setLegendPosition(Styler.LegendPosition.OutsideE).setMarkerSize(10);
            // Else a few points get their own values, to every digit, as the axes' ticks.
            chart.getStyler().setXAxisDecimalPattern("0.000").setYAxisDecimalPattern("0.00000");
            for (Point p : points) {
                chart.addSeries(label(p.weight()), new double[]{p.score().detailRatio()},
                        new double[]{p.score().maskedMse()});
            }
            return chart;
        }

        public List<Path> folders() {
            return points.stream().map(Point::folder).toList();
        }
    }

    /**
     * Trains {@code base} (a fine-tune of a finished model, see {@link AdversarialStudy#fineTune}) with the joint loss
     * at each of {@code weights}, each in {@code folder/w-<weight>}.
     */
    public static Result run(RunSpec base, List<Double> weights, Path folder, ProgressListener progress) {
        ImageSet validation = ExperimentData.load(base).validation();
        List<Point> points = new ArrayList<>();
        for (double w : weights) {
            Path out = folder.resolve(folderName(w));
            RunPipeline.trainOnly(base.withJointLoss(w), out, progress);
            InpaintingModel model = RunFolder.model(out);
            Score score = new Evaluator(model.architecture().inferenceBatch())
                    .score(new ModelInpainter(model, label(w)), validation, model.mask());
            points.add(new Point(w, out, score));
        }
        return new Result(base.setting(), List.copyOf(points));
    }

    /** "w=0.001": a weight's row in the table and its point in the chart. */
    static String label(double weight) {
        return "w=" + Sweep.plain(weight);
    }

    /** "w-0.001": the weight's run folder in the sweep's. */
    static String folderName(double weight) {
        return "w-" + Sweep.plain(weight);
    }
}
