package org.contextencoder.bench;

import org.contextencoder.io.AtomicFiles;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code --csv FILE}: the medians and peak resident sets (MiB), one row per model and mode; PyTorch's columns blank
 * where it did not run.
 */
final class BenchCsv {
    static final String HEADER = "model,mode,dl4j_ips,torch_ips,ratio,dl4j_rss_mib,torch_rss_mib";

    private BenchCsv() {
    }

    static String format(List<BenchRow> rows) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (BenchRow r : rows) {
            boolean torch = r.torch() != null;
            csv.append(r.model()).append(',').append(r.mode().id()).append(',')
                    .append(number(r.dl4j().rate().median(), 3)).append(',')
                    .append(torch ? number(r.torch().rate().median(), 3) : "").append(',')
                    .append(Double.isNaN(r.ratio()) ? "" : number(r.ratio(), 4)).append(',')
                    .append(r.dl4j().memory().peakRss() >> 20).append(',')
                    .append(torch && r.torch().peakRssBytes() > 0 ? Long.toString(r.torch().peakRssBytes() >> 20) : "")
                    .append('\n');
        }
        return csv.toString();
    }

    static void write(Path file, List<BenchRow> rows) {
        AtomicFiles.write(file, format(rows));
    }

    private static String number(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
