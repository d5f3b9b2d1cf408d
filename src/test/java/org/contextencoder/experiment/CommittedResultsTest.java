package org.contextencoder.experiment;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The README's Table 1 is copied from {@code figures/table1.csv}, which notebook 06 writes: a re-run that
 * changes the CSV but not the README (or a typo) fails here, so the committed figures and the README agree.
 */
class CommittedResultsTest {

    private static final Path README = Path.of("README.md");
    private static final Path TABLE1 = Path.of("figures", "table1.csv");
    private static final Path MANIFEST = Path.of("figures", "table1-manifest.properties");
    /** The README's Table 1 columns after setting and split, in order, as table1.csv names them. */
    private static final List<String> METHODS = List.of("context-encoder", "paper", "harmonic", "ring-mean",
            "train-mean");
    private static final Pattern TABLE1_ROW = Pattern.compile(
            "^\\| (general|truck|landmark) \\([^|]*\\) \\| (train|test) \\| \\*\\*([0-9.]+)\\*\\* \\(([0-9.]+) dB\\)"
                    + " \\| ([0-9.]+) \\| ([0-9.]+) \\| ([0-9.]+) \\| ([0-9.]+) \\|$", Pattern.MULTILINE);
    private static final Pattern EPOCHS_ROW = Pattern.compile(
            "^\\| (general|truck|landmark) \\|[^|]*\\|[^|]*\\| (\\d+) \\((\\d+)\\) \\|", Pattern.MULTILINE);

    @Test
    void readmeTable1IsTheCommittedCsv() throws Exception {
        // key -> {masked_mse, psnr}; a Tablesaw Row is a cursor over the table, so its values are copied out.
        Map<String, double[]> csv = new HashMap<>();
        for (Row r : Table.read().csv(TABLE1.toFile())) {
            csv.put(r.getString("setting") + "/" + r.getString("split") + "/" + r.getString("method"),
                    new double[]{r.getDouble("masked_mse"), r.getDouble("psnr")});
        }
        Matcher m = TABLE1_ROW.matcher(Files.readString(README));
        int rows = 0;
        while (m.find()) {
            String key = m.group(1) + "/" + m.group(2) + "/";
            double[] model = csv.get(key + METHODS.get(0));
            assertEquals(fixed(model[0], 5), m.group(3), key + " masked MSE");
            assertEquals(fixed(model[1], 2), m.group(4), key + " PSNR");
            for (int i = 1; i < METHODS.size(); i++) {
                assertEquals(fixed(csv.get(key + METHODS.get(i))[0], 5), m.group(4 + i), key + METHODS.get(i));
            }
            rows++;
        }
        assertEquals(6, rows, "three settings, train and test, in README.md's Table 1");
    }

    @Test
    void readmeEpochsAreTheManifests() throws Exception {
        Map<String, String> manifest = Manifest.read(MANIFEST).entries();
        Matcher m = EPOCHS_ROW.matcher(Files.readString(README));
        int rows = 0;
        while (m.find()) {
            assertEquals(manifest.get(m.group(1) + ".epochs_run"), m.group(2), m.group(1) + " epochs");
            assertEquals(manifest.get(m.group(1) + ".best_epoch"), m.group(3), m.group(1) + " best epoch");
            rows++;
        }
        assertEquals(3, rows, "one row a setting in README.md's table of epochs and times");
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
