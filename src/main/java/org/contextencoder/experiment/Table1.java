package org.contextencoder.experiment;

import org.contextencoder.eval.MaskedMse;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The paper's Table 1 (section 3.5) reproduced: masked MSE and PSNR of each setting's model and baselines, on
 * training and test images, beside the paper's own figures (method {@code paper}).
 */
public final class Table1 {

    /** The paper's Table 1: {setting: {split: masked MSE}}. */
    public static final Map<String, Map<String, Double>> PAPER = Map.of(
            "general", Map.of("train", 0.0216, "test", 0.02493),
            "truck", Map.of("train", 0.0025, "test", 0.03596),
            "landmark", Map.of("train", 0.11007, "test", 0.03086));

    private Table1() {
    }

    /** Reads each setting's {@code metrics.csv} from its run folder and adds the paper's figures. */
    public static Table from(Map<String, Path> runFolders) {
        Table t = Table.create("Table 1: masked MSE", StringColumn.create("setting"), StringColumn.create("split"),
                StringColumn.create("method"), DoubleColumn.create("masked_mse"), DoubleColumn.create("psnr"));
        for (String setting : List.of("general", "truck", "landmark")) {
            Path folder = runFolders.get(setting);
            if (folder == null) continue;
            Table metrics = Runs.metrics(folder);
            for (String split : List.of("train", "test")) {
                for (Row r : metrics) {
                    if (!r.getString("split").equals(split)) continue;
                    append(t, setting, split, r.getString("method"), r.getDouble("masked_mse"));
                }
                append(t, setting, split, "paper", PAPER.get(setting).get(split));
            }
        }
        return t;
    }

    public static void writeCsv(Table table, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            table.write().csv(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    private static void append(Table t, String setting, String split, String method, double mse) {
        t.stringColumn("setting").append(setting);
        t.stringColumn("split").append(split);
        t.stringColumn("method").append(method);
        t.doubleColumn("masked_mse").append(mse);
        t.doubleColumn("psnr").append(MaskedMse.psnr(mse));
    }
}
