package org.contextencoder.kernel;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellSourceTest {

    @Test
    void splitsCodeAroundLineMagicsKeepingCellLineNumbers() {
        List<CellSource.Part> parts = CellSource.parse("int a = 1;\n%classpath lib/*.jar:other.jar\n\nint b = a;\n");

        assertEquals(List.of(
                new CellSource.Code("int a = 1;\n", 1),
                new CellSource.Magic("classpath", "lib/*.jar:other.jar", 2),
                new CellSource.Code("\nint b = a;\n\n", 3)), parts);
    }

    @Test
    void moduloOperatorsAndStringsWithPercentAreCode() {
        List<CellSource.Part> parts = CellSource.parse("int r = 7 % 3;\nString s = \"%jars\";");

        assertEquals(1, parts.size());
        assertTrue(parts.get(0) instanceof CellSource.Code);
    }

    @Test
    void magicArgumentsSplitAtWhitespaceWithQuotesAndEscapes() {
        assertEquals(List.of("a.jar", "dir with space/*.jar", "it's", "x y"),
                CellSource.words("  a.jar \"dir with space/*.jar\" it\\'s 'x y' "));
        assertEquals(List.of(), CellSource.words("   "));
    }

    @Test
    void aFirstLineWithTwoPercentSignsMakesACellMagic() {
        CellSource.CellMagic magic = CellSource.cellMagic("%%time\nint x = 1;\nx").orElseThrow();

        assertEquals(new CellSource.CellMagic("time", "", "int x = 1;\nx"), magic);
        assertTrue(CellSource.cellMagic("int x = 1;\n%%time").isEmpty());
    }

    @Test
    void blankingMagicsKeepsEveryCharacterPosition() {
        String cell = "%jars a.jar\nMath.ma";
        String blanked = CellSource.blankMagics(cell);

        assertEquals(cell.length(), blanked.length());
        assertEquals("           \nMath.ma", blanked);
        assertEquals("      \nint x", CellSource.blankMagics("%%time\nint x"));
    }
}
