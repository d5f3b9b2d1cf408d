package org.contextencoder.viz;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.awt.Color;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeatMapTableTest {

    @Test
    void theLowestValueIsDarkestTheHighestLightestAndLossesSitOnALogScale() {
        ColourScale scale = ColourScale.spanning(0.01, 0.1, 1.0, Double.NaN);

        assertEquals(new Color(0x006837), scale.colour(0.01));
        assertEquals(new Color(0x78c679), scale.colour(0.1), "the geometric middle gets the middle colour");
        assertEquals(new Color(0xffffcc), scale.colour(1.0));
        assertNull(scale.colour(Double.NaN));
        assertTrue(ColourScale.luminance(scale.colour(0.02)) < ColourScale.luminance(scale.colour(0.03)));
        assertEquals(new Color(0x006837), ColourScale.spanning(0.5, 0.5).colour(0.5), "one value, one colour");
    }

    @Test
    void numbersAreColouredTextAndMissingCellsAreNot() {
        Table table = Table.create("best", StringColumn.create("optimizer", "sgd", "adam"),
                DoubleColumn.create("lr=0.01", 0.05, Double.NaN), DoubleColumn.create("lr=0.001", 0.07, 0.03));
        HeatMapTable heat = new HeatMapTable(table);

        assertNull(heat.colour(0, 0));
        assertNull(heat.colour(1, 1), "adam at 0.01 has no figure");
        assertEquals(new Color(0x006837), heat.colour(1, 2));
        assertEquals(new Color(0xffffcc), heat.colour(0, 2));
        String html = heat.html();
        assertTrue(html.contains("<caption>best</caption>"), html);
        assertTrue(html.contains("<td>sgd</td><td style=\"background-color: #"), html);
        assertTrue(html.contains("<td>adam</td><td></td>"), html);
        assertTrue(html.contains("background-color: #006837; color: #ffffff\">0.03</td>"),
                "light text on the dark cell: " + html);
        assertTrue(html.contains("background-color: #ffffcc; color: #000000\">0.07</td>"), html);
    }
}
