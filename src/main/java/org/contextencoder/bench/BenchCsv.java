package org.contextencoder.bench;

import org.contextencoder.io.AtomicFiles;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code --csv FILE}: the medians, one row per model and mode; PyTorch's columns blank where it did not run. */
final class BenchCsv {
    static final String HEADER = "model,mode,dl4j_ips,torch_ips,ratio";

    private BenchCsv() {
    }

    static String format(List<BenchRow> rows) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (BenchRow r : rows) {
            csv.append(r.model()).append(',').append(r.mode()).append(',').append(number(r.dl4j().median(), 3))
                    .append(',').append(r.torch() == null ? "" : number(r.torch().median(), 3))
                    .append(',').append(Double.isNaN(r.ratio()) ? "" : number(r.ratio(), 4)).append('\n');
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
