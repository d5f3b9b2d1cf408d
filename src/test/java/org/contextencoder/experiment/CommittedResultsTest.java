package org.contextencoder.experiment;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's Table 1 is copied from {@code figures/table1.csv}, which notebook 06 writes: a re-run that
 * changes the CSV but not the README (or a typo) fails here, so the committed figures and the README agree.
 */
class CommittedResultsTest {

    private static final Path README = Path.of("README.md");
    private static final Path TABLE1 = Path.of("figures", "table1.csv");
    private static final Path MANIFEST = Path.of("figures", "table1-manifest.properties");
    private static final Pattern EPOCHS_ROW = Pattern.compile(
            "^\\| (general|truck|landmark) \\|[^|]*\\|[^|]*\\| (\\d+) \\((\\d+)\\) \\|", Pattern.MULTILINE);

    @Test
    void readmeTable1IsTheCommittedCsv() throws Exception {
        String expected = Table1.markdown(Table.read().csv(TABLE1.toFile()));
        String readme = Files.readString(README);
        int start = readme.indexOf(expected.substring(0, expected.indexOf('\n')));
        assertTrue(start >= 0, "README.md has no Table 1 with the columns Table1.markdown writes");
        assertEquals(expected, readme.substring(start, Math.min(readme.length(), start + expected.length())),
                "README.md's Table 1 is Table1.markdown of figures/table1.csv");
    }

    @Test
    void readmeEpochsAreTheManifests() throws Exception {
        Map<String, String> manifest = Manifest.read(MANIFEST).entries();
        Matcher m = EPOCHS_ROW.matcher(Files.readString(README));
        int rows = 0;
        while (m.find()) {
            assertEquals(runEntry(manifest, m.group(1), "epochs_run"), m.group(2), m.group(1) + " epochs");
            assertEquals(runEntry(manifest, m.group(1), "best_epoch"), m.group(3), m.group(1) + " best epoch");
            rows++;
        }
        assertEquals(3, rows, "one row a setting in README.md's table of epochs and times");
    }

    /**
     * A setting's run entry in Table 1's merged manifest: under its notebook's metrics CSV, and under the run's name
     * too where that CSV holds several runs (notebook 03's two holes).
     */
    private static String runEntry(Map<String, String> manifest, String setting, String key) {
        String prefix = Table1.NOTEBOOKS.get(setting) + "-metrics.";
        String value = manifest.getOrDefault(prefix + key, manifest.get(prefix + setting + "." + key));
        assertNotNull(value, setting + "'s " + key + " is not in " + MANIFEST);
        return value;
    }
}
