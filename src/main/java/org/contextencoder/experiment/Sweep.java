package org.contextencoder.experiment;

import org.contextencoder.train.LossHistory;
import org.contextencoder.train.Optimizer;
import org.contextencoder.train.ProgressListener;
import org.contextencoder.train.TrainingDivergedException;
import org.contextencoder.viz.HeatMapTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paper's section 3.4: the same experiment trained with every optimizer at every learning rate, ranked by
 * best validation loss. Each run has its own folder, so an interrupted sweep resumes where it stopped. A run whose
 * loss turns NaN (a learning rate too high for its optimizer) is a result, not an error: it is ranked by the epochs
 * it completed and marked diverged.
 */
public final class Sweep {

    private static final Logger LOG = LoggerFactory.getLogger(Sweep.class);

    public static final List<Optimizer> OPTIMIZERS = List.of(Optimizer.SGD, Optimizer.ADAM, Optimizer.ADAMW, Optimizer.RMSPROP);
    public static final List<Double> LEARNING_RATES = List.of(0.01, 0.001, 0.0001);

    private Sweep() {
    }

    /** The finished sweep: one row per run, best first, every run's loss history, and the runs' folders. */
    public record Result(Table table, Map<String, LossHistory> histories, List<Path> folders) {

        /** The configuration with the lowest validation loss, e.g. "adam lr=0.001". */
        public String best() {
            return table.stringColumn("run").get(0);
        }

        /** The runs read back from their folders: curves, settings and figures side by side. */
        public RunComparison comparison() {
            return RunComparison.of(folders);
        }

        /** The best validation masked MSE as an optimizer x learning-rate table, each cell coloured by value. */
        public HeatMapTable grid() {
            return comparison().grid("optimizer", "learning_rate");
        }

        /** The validation curves as small multiples: one panel per optimizer, one curve per learning rate. */
        public BufferedImage curves() {
            return comparison().panels("optimizer", "learning_rate");
        }
    }

    /** "adam lr=0.001": the run's row in the table and its curve's name. */
    public static String runName(Optimizer optimizer, double lr) {
        return optimizer.id() + " lr=" + plain(lr);
    }

    /** "adam-0.001": the run's folder in the sweep's, where a finished run is found again and reused. */
    static String folderName(Optimizer optimizer, double lr) {
        return optimizer.id() + "-" + plain(lr);
    }

    /** 0.0001 rather than Java's 1.0E-4, in names people read and folder names. */
    static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** One run of the grid: its history up to where it stopped, and whether it stopped by diverging. */
    record Run(Optimizer optimizer, double lr, LossHistory history, boolean diverged) {
        double bestValLoss() {
            return history.size() == 0 ? Double.NaN : history.best().valLoss();
        }
    }

    public static Result run(RunSpec base, Path folder, ProgressListener progress) {
        List<Run> runs = new ArrayList<>();
        Map<String, LossHistory> histories = new LinkedHashMap<>();
        List<Path> folders = new ArrayList<>();
        for (Optimizer optimizer : OPTIMIZERS) {
            for (double lr : LEARNING_RATES) {
                RunSpec spec = base.withTraining(base.training().withOptimizer(optimizer, lr));
                Path out = folder.resolve(folderName(optimizer, lr));
                Run run;
                try {
                    run = new Run(optimizer, lr, RunPipeline.trainOnly(spec, out, progress), false);
                } catch (TrainingDivergedException e) {
                    LOG.warn("{} diverged: {}", runName(optimizer, lr), e.getMessage());
                    Path file = out.resolve("history.csv");
                    run = new Run(optimizer, lr, Files.exists(file) ? LossHistory.read(file) : new LossHistory(), true);
                }
                runs.add(run);
                if (run.history().size() > 0) histories.put(runName(optimizer, lr), run.history());
                folders.add(out);
            }
        }
        return new Result(table(runs), histories, List.copyOf(folders));
    }

    /** Best first; runs that diverged before finishing an epoch have no figure and come last. */
    static Table table(List<Run> runs) {
        Table table = Table.create("optimizer x learning rate",
                StringColumn.create("run"), StringColumn.create("optimizer"), DoubleColumn.create("learning_rate"),
                DoubleColumn.create("best_val_mse"), IntColumn.create("best_epoch"), DoubleColumn.create("final_train_mse"),
                DoubleColumn.create("seconds"), StringColumn.create("status"));
        List<Run> ranked = new ArrayList<>(runs);
        ranked.sort(Comparator.comparingDouble(r -> Double.isNaN(r.bestValLoss()) ? Double.POSITIVE_INFINITY
                : r.bestValLoss()));
        for (Run r : ranked) {
            boolean any = r.history().size() > 0;
            table.stringColumn("run").append(runName(r.optimizer(), r.lr()));
            table.stringColumn("optimizer").append(r.optimizer().id());
            table.doubleColumn("learning_rate").append(r.lr());
            table.doubleColumn("best_val_mse").append(r.bestValLoss());
            table.intColumn("best_epoch").append(any ? r.history().best().epoch() : 0);
            table.doubleColumn("final_train_mse").append(any ? r.history().last().trainLoss() : Double.NaN);
            table.doubleColumn("seconds").append(Math.round(r.history().totalSeconds()));
            table.stringColumn("status").append(r.diverged() ? "diverged after epoch " + r.history().size() : "ok");
        }
        return table;
    }
}
