package org.contextencoder.kernel;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MagicsTest {

    @Test
    void durationsReadLikeIPythons() {
        assertEquals("12.5 ms", Magics.formatDuration(12_500_000));
        assertEquals("2.35 s", Magics.formatDuration(2_345_000_000L));
    }

    @Test
    void notebooksContributeTheirCodeCellsInOrder() {
        String notebook = """
                {"cells": [
                  {"cell_type": "markdown", "source": "# title"},
                  {"cell_type": "code", "source": ["int a = 1;\\n", "a"], "outputs": []},
                  {"cell_type": "code", "source": "a + 1", "outputs": []}
                ], "nbformat": 4}""";

        assertEquals(List.of("int a = 1;\na", "a + 1"), NotebookCode.codeCells(notebook));
    }
}
