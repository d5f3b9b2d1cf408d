package org.contextencoder.kernel;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeAssistTest {

    private static CellEvaluator evaluator;
    private static CodeAssist assist;

    @BeforeAll
    static void startJShell() {
        evaluator = new CellEvaluator(-1, List.of());
        assist = new CodeAssist(evaluator::analysis);
    }

    @AfterAll
    static void stopJShell() {
        evaluator.close();
    }

    @Test
    void completesMembersOnceEachFromTheStartOfTheWord() {
        ReplacementOptions options = assist.complete("%jars a.jar\nMath.ma", 19);

        assertEquals(List.of("max("), options.getReplacements());
        assertEquals(17, options.getSourceStart());
        assertEquals(19, options.getSourceEnd());
    }

    @Test
    void inspectionShowsSignaturesOfTheMethodAtTheCursor() {
        String text = (String) assist.inspect("Math.max(1, 2)", 6).getData(MIMEType.TEXT_PLAIN);

        assertTrue(text.contains("int Math.max(int a, int b)"), text);
        assertNull(assist.inspect("   ", 1));
    }

    @Test
    void tellsCompleteIncompleteAndInvalidCellsApart() {
        assertEquals(BaseKernel.IS_COMPLETE_YES, assist.isComplete("int x = 1;\nx + 1"));
        assertEquals(BaseKernel.IS_COMPLETE_YES, assist.isComplete("%classpath a.jar\n"));
        assertEquals(CodeAssist.CONTINUATION_INDENT, assist.isComplete("for (int i = 0; i < 3; i++) {"));
        assertEquals(BaseKernel.IS_COMPLETE_BAD, assist.isComplete("String s = \"abc"));
    }
}
