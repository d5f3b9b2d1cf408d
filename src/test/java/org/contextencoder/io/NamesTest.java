package org.contextencoder.io;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NamesTest {

    private enum Colour { RED, DARK_GREEN, BLUE }

    @Test
    void aChoiceIsWrittenInLowerCaseReadInAnyCaseAndAnUnknownNameListsTheChoices() {
        assertEquals("dark_green", Names.of(Colour.DARK_GREEN));
        assertEquals(Colour.DARK_GREEN, Names.parse(Colour.class, "colour", " Dark_Green "));
        assertEquals("unknown colour 'pink': use red, dark_green or blue", assertThrows(IllegalArgumentException.class,
                () -> Names.parse(Colour.class, "colour", "pink")).getMessage());
    }
}
