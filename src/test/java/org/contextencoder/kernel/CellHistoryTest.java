package org.contextencoder.kernel;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellHistoryTest {

    private final CellHistory history = new CellHistory();
    private final Set<ResultFlag> noFlags = EnumSet.noneOf(ResultFlag.class);

    @BeforeEach
    void execute() {
        history.add(1, "6 * 7", "42");
        history.add(2, "int x = 1;", "");
        history.add(3, "6 * 7", "42");
        history.add(4, "x + 1", "2");
    }

    @Test
    void tailReturnsTheLastCellsInOrder() {
        assertEquals(List.of("6 * 7", "x + 1"), inputs(history.lookupTail(2, noFlags)));
        assertEquals(4, history.lookupTail(0, noFlags).size());
    }

    @Test
    void outputsOnlyWhenAskedFor() {
        assertNull(history.lookupTail(1, noFlags).get(0).getOutput());
        assertEquals("2", history.lookupTail(1, EnumSet.of(ResultFlag.INCLUDE_OUTPUT)).get(0).getOutput());
    }

    @Test
    void rangeIsStartInclusiveStopExclusiveInTheCurrentSession() {
        List<HistoryEntry> range = history.lookupRange(CellHistory.SESSION, 2, 4, noFlags);

        assertEquals(List.of(2, 3), range.stream().map(HistoryEntry::getCellNumber).toList());
        assertTrue(history.lookupRange(-1, 1, 5, noFlags).isEmpty());
    }

    @Test
    void searchMatchesSqliteGlobsAndCanDropRepeats() {
        assertEquals(List.of("6 * 7", "6 * 7"), inputs(history.search("6 * ?", 0, noFlags)));
        assertEquals(List.of("6 * 7"), inputs(history.search("6 * ?", 0, EnumSet.of(ResultFlag.UNIQUE))));
        assertEquals(List.of("x + 1"), inputs(history.search("[a-x] *", 0, noFlags)));
        assertEquals(1, history.search("*", 1, noFlags).size());
    }

    @Test
    void globsAreAnchoredAndTreatRegexCharactersLiterally() {
        assertTrue(CellHistory.globToRegex("a.b*").matcher("a.bcd").matches());
        assertFalse(CellHistory.globToRegex("a.b*").matcher("axbcd").matches());
        assertFalse(CellHistory.globToRegex("x").matcher("xy").matches());
        assertTrue(CellHistory.globToRegex("[^a]?").matcher("bz").matches());
    }

    private static List<String> inputs(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::getInput).toList();
    }
}
