package org.contextencoder.viz;

import org.contextencoder.eval.Score;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;

/**
 * Scores (from {@code eval.Evaluator}) as a Tablesaw table with columns {@code setting, split, method, masked_mse,
 * psnr, images} (the shape of the paper's Table 1 with the baselines beside it), then {@link #LATER_METRICS}; shown
 * to the decimals of {@link MetricFormats}, written in full.
 */
public final class ResultTable {

    /**
     * The metrics added after masked MSE and PSNR, in column order: {@code metrics.csv} files written before them
     * lack these columns.
     */
    public static final List<String> LATER_METRICS = List.of("masked_l1", "ssim", "detail_ratio", "mean_image_psnr");

    private final Table table;

    public ResultTable(String title) {
        table = Table.create(title,
                StringColumn.create("setting"), StringColumn.create("split"), StringColumn.create("method"),
                DoubleColumn.create("masked_mse"), DoubleColumn.create("psnr"), IntColumn.create("images"));
        for (String metric : LATER_METRICS) table.addColumns(DoubleColumn.create(metric));
        MetricFormats.applyTo(table);
    }

    public ResultTable add(String setting, String split, Score score) {
        table.stringColumn("setting").append(setting);
        table.stringColumn("split").append(split);
        table.stringColumn("method").append(score.method());
        table.doubleColumn("masked_mse").append(score.maskedMse());
        table.doubleColumn("psnr").append(score.psnr());
        table.intColumn("images").append(score.images());
        table.doubleColumn("masked_l1").append(score.maskedL1());
        table.doubleColumn("ssim").append(score.ssim());
        table.doubleColumn("detail_ratio").append(score.detailRatio());
        table.doubleColumn("mean_image_psnr").append(score.meanImagePsnr());
        return this;
    }

    /** One row per score, in their order, e.g. {@code add("truck", "test", evaluator.score(methods, images, mask))}. */
    public ResultTable add(String setting, String split, List<Score> scores) {
        for (Score score : scores) add(setting, split, score);
        return this;
    }

    public Table table() {
        return table;
    }
}
