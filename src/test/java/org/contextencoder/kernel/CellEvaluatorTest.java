package org.contextencoder.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class CellEvaluatorTest {

    private static CellEvaluator evaluator;
    private static CellRunner runner;
    private static int cells;

    /** Shared with cells: the evaluator runs them in this JVM. */
    public static volatile Object shared;
    /** Released by cells as they start, so that a test interrupts a cell that runs. */
    public static final Semaphore STARTED = new Semaphore(0);

    @BeforeAll
    static void startJShell() {
        evaluator = new CellEvaluator(-1, List.of());
        runner = new CellRunner(evaluator, () -> new MavenResolver(Path.of("target", "test-maven-local")));
        runner.run(KernelStartup.defaultImports(), new SourceOrigin("startup", 1));
    }

    @AfterAll
    static void stopJShell() {
        evaluator.close();
    }

    private static Object cell(String code) {
        return runner.run(code, SourceOrigin.cell(++cells));
    }

    /** Runs the statement {@code code} in a cell, stops the cell once the statement runs, and returns how it ended. */
    private static Throwable stoppedCell(String code) throws InterruptedException {
        // One block, so one snippet: the cell signals from the snippet that runs the statement.
        CompletableFuture<Object> running = CompletableFuture.supplyAsync(
                () -> cell("{ org.contextencoder.kernel.CellEvaluatorTest.STARTED.release(); " + code + " }"));
        assertTrue(STARTED.tryAcquire(30, TimeUnit.SECONDS), "the cell did not start");

        evaluator.stop();

        Exception e = assertThrows(Exception.class, () -> running.get(10, TimeUnit.SECONDS));
        return assertInstanceOf(CellStoppedException.class, e.getCause());
    }

    @Test
    void theLastExpressionIsTheCellsValueAsTheObjectItself() {
        Object value = cell("int w = 4;\nnew java.awt.image.BufferedImage(w, 2, 1)");

        assertInstanceOf(BufferedImage.class, value);
        assertEquals(4, ((BufferedImage) value).getWidth());
        assertEquals(List.of(1, 2), cell("List.of(1, 2)")); // JShell's default imports are in place
    }

    @Test
    void declarationsStatementsAndVoidCallsHaveNoValue() {
        assertNull(cell("int unused = 5;"));
        assertNull(cell("if (unused > 0) { unused++; }"));
        assertNull(cell("System.out.print(\"\")"));
        assertEquals(6, cell("unused"));
    }

    @Test
    void cellsShareObjectsWithTheKernel() {
        Object value = cell("org.contextencoder.kernel.CellEvaluatorTest.shared = new StringBuilder(\"x\");\n"
                + "org.contextencoder.kernel.CellEvaluatorTest.shared");

        assertSame(shared, value);
    }

    @Test
    void compileErrorsNameTheCellLine() {
        int cell = cells + 1;
        CompilationException e = assertThrows(CompilationException.class,
                () -> cell("int a = 1;\n\nint b = missing + a;"));

        ErrorReport report = ErrorReport.of(e, evaluator::originOf);
        assertEquals("CompilationException", report.ename());
        assertEquals(List.of(
                "Cell In[" + cell + "], line 3: cannot find symbol",
                "  symbol:   variable missing",
                "int b = missing + a;",
                "        ^"), report.traceback());
    }

    @Test
    void exceptionTracebacksPointAtCellLinesWithoutJShellWrapperNames() {
        int definitions = cells + 1;
        cell("class Boom {\n  static void now() {\n    throw new IllegalStateException(\"bad \" + new Boom());\n  }\n"
                + "  public String toString() { return getClass().getName(); }\n}");
        int call = cells + 1;
        UserCodeException e = assertThrows(UserCodeException.class, () -> cell("int x = 1;\nBoom.now();"));

        ErrorReport report = ErrorReport.of(e, evaluator::originOf);
        assertEquals("IllegalStateException", report.ename());
        assertEquals("bad Boom", report.evalue());
        assertEquals(List.of(
                "java.lang.IllegalStateException: bad Boom",
                "    at Boom.now(Cell In[" + definitions + "], line 3)",
                "    at Cell In[" + call + "], line 2"), report.traceback());
        assertTrue(report.traceback().stream().noneMatch(line -> line.contains("$JShell$")));
    }

    @Test
    void causesAreReportedToo() {
        UserCodeException e = assertThrows(UserCodeException.class, () -> cell(
                "try { Integer.parseInt(\"q\"); } catch (NumberFormatException n) {\n"
                        + "  throw new RuntimeException(\"wrapped\", n);\n}"));

        List<String> traceback = ErrorReport.of(e, evaluator::originOf).traceback();
        assertTrue(traceback.contains("Caused by:"), String.join("\n", traceback));
        assertTrue(traceback.contains("java.lang.NumberFormatException: For input string: \"q\""));
    }

    @Test
    @Timeout(30)
    void stopEndsABusyCell() throws Exception {
        stoppedCell("while (true) { }");

        assertEquals(3, cell("1 + 2")); // and the kernel goes on
    }

    @Test
    @Timeout(60)
    void anInterruptedCellThatSleepsEndsAndTheKernelGoesOn() throws Exception {
        Throwable stopped = stoppedCell("while (true) Thread.sleep(100);");

        assertEquals("Cell interrupted", stopped.getMessage());
        TimeUnit.MILLISECONDS.sleep(1500); // past the grace an interrupted cell gets: nothing may hit the idle thread
        assertEquals(3, cell("1 + 2"));
        assertEquals(4, cell("2 + 2"));
    }

    @Test
    @Timeout(60)
    void aCellThatSwallowsInterruptsIsStoppedOrTheUserIsToldToRestart() throws Exception {
        Throwable stopped = stoppedCell("while (true) { try { Thread.sleep(100); } catch (InterruptedException e) { } }");

        // Thread.stop is there up to Java 19; later the cell runs on, abandoned, and only a restart ends it.
        String expected = Runtime.version().feature() < 20 ? "Cell interrupted"
                : "Cell interrupted" + CellThread.RESTART_ADVICE;
        assertEquals(expected, stopped.getMessage());
        assertEquals(3, cell("1 + 2"));
    }

    @Test
    void systemExitInACellIsRefusedWithAnErrorAtItsLine() {
        int call = cells + 1;
        UserCodeException e = assertThrows(UserCodeException.class, () -> cell("int status = 3;\nSystem.exit(status);"));

        ErrorReport report = ErrorReport.of(e, evaluator::originOf);
        assertEquals("SecurityException", report.ename());
        assertTrue(report.evalue().startsWith("System.exit(3) would end the kernel"), report.evalue());
        assertEquals("    at Cell In[" + call + "], line 2", report.traceback().get(1));
        assertThrows(UserCodeException.class, () -> cell("java.util.function.IntConsumer quit = System::exit;\n"
                + "quit.accept(0);"));
        assertEquals(3, cell("1 + 2"));
    }

    @Test
    void cellsRunOnOneLongLivedThreadSoThreadLocalStateSurvives() {
        cell("ThreadLocal<String> local = new ThreadLocal<>();\nlocal.set(\"kept\");");

        assertEquals("kept", cell("local.get()"));
    }

    @Test
    @Timeout(30)
    void aTimeoutStopsALongCell() {
        try (CellEvaluator limited = new CellEvaluator(300, List.of())) {
            CellStoppedException e = assertThrows(CellStoppedException.class,
                    () -> limited.eval("while (true) { }", SourceOrigin.cell(1)));
            assertTrue(e.getMessage().contains("timed out after 300 ms"), e.getMessage());
        }
    }

    @Test
    void lineMagicsRunBetweenCode() throws Exception {
        java.nio.file.Path script = java.nio.file.Files.createTempFile("loaded", ".jsh");
        java.nio.file.Files.writeString(script, "int fromScript = 41;\n");

        assertEquals(42, cell("int before = 1;\n%load " + script + "\nfromScript + before"));
    }

    @Test
    void timeMagicReturnsTheValueOfTheCode() {
        assertEquals(9, cell("%time 3 * 3"));
        assertEquals(8, cell("%%time\nint y = 4;\ny * 2"));
    }

    @Test
    void unknownMagicsAreErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cell("%nosuch x"));
        assertTrue(e.getMessage().contains("%nosuch"), e.getMessage());
    }
}
