package org.contextencoder.experiment;

import org.contextencoder.train.LossHistory;
import org.contextencoder.train.Optimizer;
import org.contextencoder.train.ProgressListener;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paper's section 3.4: the same experiment trained with every optimizer at every learning rate, ranked by
 * best validation loss. Each run has its own folder, so an interrupted sweep resumes where it stopped.
 */
public final class Sweep {

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
    }

    /** "adam lr=0.001": the run's row in the table and its curve's name. */
    public static String runName(Optimizer optimizer, double lr) {
        return optimizer.id() + " lr=" + plain(lr);
    }

    /** 0.0001 rather than Java's 1.0E-4, in names people read and folder names. */
    private static String plain(double lr) {
        return java.math.BigDecimal.valueOf(lr).stripTrailingZeros().toPlainString();
    }

    public static Result run(RunSpec base, Path folder, ProgressListener progress) {
        Table table = Table.create("optimizer x learning rate",
                StringColumn.create("run"), StringColumn.create("optimizer"), DoubleColumn.create("learning_rate"),
                DoubleColumn.create("best_val_mse"), IntColumn.create("best_epoch"), DoubleColumn.create("final_train_mse"),
                DoubleColumn.create("seconds"));
        Map<String, LossHistory> histories = new LinkedHashMap<>();
        List<Path> folders = new ArrayList<>();
        for (Optimizer optimizer : OPTIMIZERS) {
            for (double lr : LEARNING_RATES) {
                String name = runName(optimizer, lr);
                RunSpec spec = base.withTraining(base.training().withOptimizer(optimizer, lr));
                Path out = folder.resolve(optimizer.id() + "-" + plain(lr));
                LossHistory h = ExperimentRun.trainOnly(spec, out, progress);
                histories.put(name, h);
                folders.add(out);
                table.stringColumn("run").append(name);
                table.stringColumn("optimizer").append(optimizer.id());
                table.doubleColumn("learning_rate").append(lr);
                table.doubleColumn("best_val_mse").append(h.best().valLoss());
                table.intColumn("best_epoch").append(h.best().epoch());
                table.doubleColumn("final_train_mse").append(h.last().trainLoss());
                table.doubleColumn("seconds").append(Math.round(h.totalSeconds()));
            }
        }
        return new Result(table.sortAscendingOn("best_val_mse"), histories, List.copyOf(folders));
    }
}
