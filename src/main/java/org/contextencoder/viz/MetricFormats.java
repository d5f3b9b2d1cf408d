package org.contextencoder.viz;

import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.Table;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;

/**
 * The decimals a reader reads each metric to: masked MSE and L1 to 5 (the README's and the paper's precision),
 * PSNR to 2, SSIM to 4, the detail ratio to 3, gains as percentages. Only what a table shows changes: CSV files keep every digit.
 */
public final class MetricFormats {

    /** Gains and changes are shown as signed percentages: "-12.8%" is 12.8% worse than what it is set against. */
    private static final String PERCENT = "+0.0%;-0.0%";

    private static final Map<String, String> PATTERNS = Map.ofEntries(
            Map.entry("masked_mse", "0.00000"), Map.entry("masked_l1", "0.00000"),
            Map.entry("harmonic_mse", "0.00000"), Map.entry("validation_mse", "0.00000"),
            Map.entry("psnr", "0.00"), Map.entry("mean_image_psnr", "0.00"),
            Map.entry("ssim", "0.0000"), Map.entry("detail_ratio", "0.000"),
            Map.entry("gain", PERCENT), Map.entry("vs_paper", PERCENT),
            Map.entry("gain_cifar10", PERCENT), Map.entry("gain_photos_32", PERCENT));

    private MetricFormats() {
    }

    /** Sets the display format of every metric column the table has. */
    public static void applyTo(Table table) {
        for (var pattern : PATTERNS.entrySet()) {
            if (table.containsColumn(pattern.getKey())
                    && table.column(pattern.getKey()) instanceof NumberColumn<?, ?> column) {
                column.setPrintFormatter(new DecimalFormat(pattern.getValue(),
                        DecimalFormatSymbols.getInstance(Locale.ROOT)), "");
            }
        }
    }
}
