package org.contextencoder.viz;

import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.Table;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;

/**
 * The decimals a reader reads each metric to: masked MSE and L1 to 5 (the README's and the paper's precision),
 * PSNR to 2, SSIM to 4, the detail ratio to 3. Only what a table shows changes: CSV files keep every digit.
 */
public final class MetricFormats {

    private static final Map<String, String> PATTERNS = Map.of(
            "masked_mse", "0.00000", "masked_l1", "0.00000",
            "psnr", "0.00", "mean_image_psnr", "0.00",
            "ssim", "0.0000", "detail_ratio", "0.000");

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
