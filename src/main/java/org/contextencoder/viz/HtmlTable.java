package org.contextencoder.viz;

import tech.tablesaw.table.Relation;

import java.awt.Color;
import java.util.Locale;

/**
 * A Tablesaw table as an HTML table, as notebooks show data frames, with a background colour per cell where
 * one is given: what a table that is itself a picture (a heat map) needs in a notebook's output.
 */
public final class HtmlTable {

    /** The background of the cell at a row and column, or null for none. */
    @FunctionalInterface
    public interface CellColours {
        Color of(int row, int column);
    }

    private HtmlTable() {
    }

    /** The table's first {@code maxRows} rows, saying how many were left out, so that long outputs stay readable. */
    public static String of(Relation table, int maxRows) {
        return of(table, maxRows, (row, column) -> null);
    }

    public static String of(Relation table, CellColours colours) {
        return of(table, table.rowCount(), colours);
    }

    private static String of(Relation table, int maxRows, CellColours colours) {
        StringBuilder html = new StringBuilder("<table class=\"dataframe\">\n");
        if (table.name() != null && !table.name().isBlank()) {
            html.append("<caption>").append(escape(table.name())).append("</caption>\n");
        }
        html.append("<thead><tr>");
        for (String column : table.columnNames()) html.append("<th>").append(escape(column)).append("</th>");
        html.append("</tr></thead>\n<tbody>\n");
        int rows = Math.min(table.rowCount(), maxRows);
        for (int row = 0; row < rows; row++) {
            html.append("<tr>");
            for (int col = 0; col < table.columnCount(); col++) {
                Color background = colours.of(row, col);
                html.append(background == null ? "<td>" : "<td style=\"" + style(background) + "\">")
                        .append(escape(table.getString(row, col))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        if (table.rowCount() > rows) {
            html.append("<p>").append(rows).append(" of ").append(table.rowCount()).append(" rows shown</p>\n");
        }
        return html.toString();
    }

    /** The background, and a text colour that stays readable on it. */
    private static String style(Color background) {
        String text = ColourScale.luminance(background) < 0.45 ? "#ffffff" : "#000000";
        return String.format(Locale.ROOT, "background-color: #%06x; color: %s", background.getRGB() & 0xffffff, text);
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
