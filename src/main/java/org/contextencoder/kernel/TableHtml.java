package org.contextencoder.kernel;

import tech.tablesaw.table.Relation;

/** Writes a Tablesaw table as an HTML table, as notebooks show data frames. */
final class TableHtml {

    /** Tables longer than this show their first rows only, so that outputs stay readable. */
    static final int MAX_ROWS = 50;

    private TableHtml() {
    }

    static String of(Relation table) {
        StringBuilder html = new StringBuilder("<table class=\"dataframe\">\n");
        if (table.name() != null && !table.name().isBlank()) {
            html.append("<caption>").append(escape(table.name())).append("</caption>\n");
        }
        html.append("<thead><tr>");
        for (String column : table.columnNames()) {
            html.append("<th>").append(escape(column)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        int rows = Math.min(table.rowCount(), MAX_ROWS);
        for (int row = 0; row < rows; row++) {
            html.append("<tr>");
            for (int col = 0; col < table.columnCount(); col++) {
                html.append("<td>").append(escape(table.getString(row, col))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        if (table.rowCount() > rows) {
            html.append("<p>").append(rows).append(" of ").append(table.rowCount()).append(" rows shown</p>\n");
        }
        return html.toString();
    }

    static String escape(String text) {
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
