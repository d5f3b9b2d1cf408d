package org.contextencoder.bench;

import com.google.gson.JsonObject;

import java.util.Arrays;
import java.util.Locale;

/** Median, spread and count of repeated measurements (images/s or GFLOP/s). */
public record Summary(double median, double min, double max, int n) {

    public static Summary of(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int k = s.length;
        double median = k % 2 == 1 ? s[k / 2] : (s[k / 2 - 1] + s[k / 2]) / 2;
        return new Summary(median, s[0], s[k - 1], k);
    }

    /** The {@code {"median", "min", "max", "n"}} objects that bench/torch_bench.py writes. */
    static Summary fromJson(JsonObject o) {
        return new Summary(o.get("median").getAsDouble(), o.get("min").getAsDouble(), o.get("max").getAsDouble(),
                o.get("n").getAsInt());
    }

    public Summary times(double factor) {
        return new Summary(median * factor, min * factor, max * factor, n);
    }

    /** {@code 12.3 (11.0-13.1)}: the median, then the range. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%s-%s)", digits(median), digits(min), digits(max));
    }

    /** Three significant digits or so: 1.23, 12.3, 123. */
    static String digits(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
    }
}
