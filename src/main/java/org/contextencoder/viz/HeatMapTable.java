package org.contextencoder.viz;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * A table whose numbers are coloured by value, the lowest darkest: a grid of results (the best validation loss
 * per optimizer and learning rate) read as a heat map without losing the figures. Text cells stay plain.
 */
public final class HeatMapTable implements HtmlDisplay {

    private final Table table;
    private final ColourScale scale;

    public HeatMapTable(Table table) {
        this.table = table;
        List<Double> values = new ArrayList<>();
        for (int c = 0; c < table.columnCount(); c++) {
            if (table.column(c) instanceof NumericColumn<?> numbers) {
                for (int r = 0; r < table.rowCount(); r++) values.add(numbers.getDouble(r));
            }
        }
        scale = ColourScale.spanning(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The figures themselves, e.g. to save as CSV. */
    public Table table() {
        return table;
    }

    /** The background of a cell; null for text and missing values. */
    public Color colour(int row, int column) {
        return table.column(column) instanceof NumericColumn<?> numbers ? scale.colour(numbers.getDouble(row)) : null;
    }

    @Override
    public String html() {
        return HtmlTable.of(table, this::colour) + "<p>darker: lower</p>\n";
    }

    @Override
    public String text() {
        return table.print();
    }

    @Override
    public String toString() {
        return text();
    }
}
