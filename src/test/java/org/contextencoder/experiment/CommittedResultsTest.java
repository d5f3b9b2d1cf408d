package org.contextencoder.experiment;

import org.junit.jupiter.api.Test;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The README's Table 1 is typed by hand from {@code figures/table1.csv}, which notebook 06 writes: a re-run that
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
        Map<String, String[]> csv = new HashMap<>();
        List<String> lines = Files.readAllLines(TABLE1);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            csv.put(f[0] + "/" + f[1] + "/" + f[2], f);
        }
        Matcher m = TABLE1_ROW.matcher(Files.readString(README));
        int rows = 0;
        while (m.find()) {
            String key = m.group(1) + "/" + m.group(2) + "/";
            String[] model = csv.get(key + "context-encoder");
            assertEquals(fixed(model[3], 5), m.group(3), key + " masked MSE");
            assertEquals(fixed(model[4], 2), m.group(4), key + " PSNR");
            for (int i = 1; i < METHODS.size(); i++) {
                assertEquals(fixed(csv.get(key + METHODS.get(i))[3], 5), m.group(4 + i), key + METHODS.get(i));
            }
            rows++;
        }
        assertEquals(6, rows, "three settings, train and test, in README.md's Table 1");
    }

    @Test
    void readmeEpochsAreTheManifests() throws Exception {
        Properties manifest = new Properties();
        try (Reader r = Files.newBufferedReader(MANIFEST)) {
            manifest.load(r);
        }
        Matcher m = EPOCHS_ROW.matcher(Files.readString(README));
        int rows = 0;
        while (m.find()) {
            assertEquals(manifest.getProperty(m.group(1) + ".epochs_run"), m.group(2), m.group(1) + " epochs");
            assertEquals(manifest.getProperty(m.group(1) + ".best_epoch"), m.group(3), m.group(1) + " best epoch");
            rows++;
        }
        assertEquals(3, rows, "one row a setting in README.md's table of epochs and times");
    }

    private static String fixed(String value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", Double.parseDouble(value));
    }
}
