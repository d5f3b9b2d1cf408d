package org.contextencoder.kernel;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.UnresolvedReferenceException;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Evaluates Java code with an in-process JShell, snippet by snippet, and returns the object the last
 * expression produced. Failures come back as {@link CompilationException}, {@link UserCodeException}
 * or {@link CellStoppedException}, located with the {@link SourceOrigin} of the code.
 */
final class CellEvaluator implements AutoCloseable {

    private final SharedExecutionControl control;
    private final JShell shell;
    private final Map<String, SourceOrigin> snippetOrigins = new ConcurrentHashMap<>();
    private final List<Path> classpath = new ArrayList<>();

    CellEvaluator(long timeoutMs, List<String> compilerOptions) {
        this.control = new SharedExecutionControl(timeoutMs);
        this.shell = JShell.builder()
                .executionEngine(control.provider(), Map.of())
                .compilerOptions(compilerOptions.toArray(String[]::new))
                .build();
        // The compiler does not see the kernel's own classpath unless told; loading stays parent-first.
        addToClasspath(System.getProperty("java.class.path"));
    }

    /** Evaluates every snippet of {@code code}; returns the last snippet's value if it is an expression. */
    Object eval(String code, SourceOrigin origin) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        Object value = null;
        String remaining = code;
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            boolean complete = info.completeness().isComplete();
            // Incomplete or unparseable code is still evaluated, so that JShell explains what is wrong.
            // Leading blank lines are cut: JShell counts stack-trace lines from the first non-blank one.
            String source = (complete ? info.source() : remaining).stripLeading();
            int start = code.length() - remaining.length() + leadingWhitespace(remaining);
            value = evalSnippet(source, origin.shifted(lineCount(code, start) - 1));
            if (!complete) {
                break;
            }
            remaining = info.remaining();
        }
        return value;
    }

    private Object evalSnippet(String source, SourceOrigin origin) {
        control.clearResults();
        List<SnippetEvent> events = shell.eval(source);
        String stopReason = control.takeStopReason();
        if (stopReason != null) {
            throw new CellStoppedException(stopReason);
        }
        Object value = null;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue; // an update of an earlier snippet this one affected
            }
            Snippet snippet = event.snippet();
            snippetOrigins.put(snippet.id(), origin);
            if (event.status() == Snippet.Status.REJECTED) {
                throw new CompilationException(describeErrors(snippet, source, origin));
            }
            if (event.exception() != null) {
                throw failure(event.exception());
            }
            value = isExpression(snippet) ? control.takeResult(event.value()) : null;
        }
        return value;
    }

    private static boolean isExpression(Snippet snippet) {
        return snippet.kind() == Snippet.Kind.EXPRESSION
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private RuntimeException failure(JShellException exception) {
        if (exception instanceof EvalException) {
            return new UserCodeException(exception); // JShell mapped its stack to snippet lines
        }
        if (exception instanceof UnresolvedReferenceException unresolved) {
            String missing = shell.unresolvedDependencies(unresolved.getSnippet())
                    .collect(Collectors.joining(", "));
            return new CompilationException(List.of(
                    snippetOrigins.get(unresolved.getSnippet().id()).describe(1) + ": "
                            + unresolved.getSnippet().name() + " cannot be used until "
                            + missing + " is declared"));
        }
        return new UserCodeException(exception);
    }

    private List<String> describeErrors(Snippet snippet, String source, SourceOrigin origin) {
        List<String> problems = new ArrayList<>();
        shell.diagnostics(snippet).filter(Diag::isError).forEach(diag -> {
            int position = (int) Math.max(0, Math.min(diag.getPosition(), source.length()));
            int line = lineCount(source, position);
            int lineStart = source.lastIndexOf('\n', position - 1) + 1;
            int lineEnd = source.indexOf('\n', position);
            String text = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
            problems.add(origin.describe(line) + ": " + withoutWrapperLocation(diag.getMessage(Locale.ROOT)) + "\n"
                    + text + "\n" + " ".repeat(position - lineStart) + "^");
        });
        if (problems.isEmpty()) {
            problems.add(origin.describe(1) + ": the code could not be compiled");
        }
        return problems;
    }

    /** Drops javac's "location: class" line, which names JShell's anonymous wrapper class. */
    private static String withoutWrapperLocation(String message) {
        return message.lines()
                .filter(line -> !line.strip().equals("location: class"))
                .collect(Collectors.joining("\n"));
    }

    /** Where a JShell snippet (by its id, as in stack traces) came from. */
    Optional<SourceOrigin> originOf(String snippetId) {
        return Optional.ofNullable(snippetOrigins.get(snippetId));
    }

    /** Adds {@code File.pathSeparator}-separated entries to what cells compile and load against. */
    void addToClasspath(String path) {
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                shell.addToClasspath(entry);
                classpath.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
    }

    /** Where cells' classes come from, in the order they are looked up: the kernel's classpath, then what was added. */
    List<Path> classpath() {
        return List.copyOf(classpath);
    }

    SourceCodeAnalysis analysis() {
        return shell.sourceCodeAnalysis();
    }

    /** Stops the running cell, if any; safe to call from another thread. */
    void stop() {
        control.stop();
    }

    @Override
    public void close() {
        shell.close();
    }

    private static int leadingWhitespace(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The 1-based line of {@code text} that character {@code position} is on. */
    static int lineCount(String text, int position) {
        int lines = 1;
        for (int i = 0; i < position && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
