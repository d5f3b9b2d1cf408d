package org.contextencoder.kernel;

import jdk.jshell.EvalException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The {@code ename}, {@code evalue} and {@code traceback} of a Jupyter error output, written against
 * the user's cells: frames in cell code name the cell and its line, and JShell's generated wrapper
 * classes ({@code REPL.$JShell$12$}) never show.
 */
record ErrorReport(String ename, String evalue, List<String> traceback) {

    private static final Pattern WRAPPER_NAME = Pattern.compile("REPL\\.\\$JShell\\$\\d+\\$?");
    private static final Pattern SNIPPET_FILE = Pattern.compile("#(\\S+)");

    /** Describes {@code error}; {@code origins} locates JShell snippets by id. */
    static ErrorReport of(Throwable error, Function<String, Optional<SourceOrigin>> origins) {
        if (error instanceof CompilationException compilation) {
            List<String> lines = new ArrayList<>();
            compilation.problems().forEach(problem -> lines.addAll(problem.lines().toList()));
            return new ErrorReport("CompilationException", compilation.getMessage(), lines);
        }
        if (error instanceof CellStoppedException stopped) {
            return new ErrorReport("Interrupted", stopped.getMessage(), List.of(stopped.getMessage()));
        }
        if (error instanceof UserCodeException && error.getCause() != null) {
            Throwable thrown = error.getCause();
            String className = cleanNames(className(thrown));
            List<String> lines = new ArrayList<>();
            appendTrace(thrown, origins, lines);
            return new ErrorReport(className.substring(className.lastIndexOf('.') + 1),
                    messageOf(thrown), lines);
        }
        // The kernel's own failures (a bad magic argument, a missing file): the message says it all.
        String name = error.getClass().getSimpleName();
        return new ErrorReport(name, messageOf(error), List.of(name + ": " + messageOf(error)));
    }

    private static void appendTrace(Throwable thrown, Function<String, Optional<SourceOrigin>> origins,
                                    List<String> lines) {
        String message = thrown.getMessage();
        lines.add(cleanNames(className(thrown)) + (message == null ? "" : ": " + cleanNames(message)));
        for (StackTraceElement frame : thrown.getStackTrace()) {
            lines.add("    at " + describe(frame, origins));
        }
        if (thrown.getCause() != null && thrown.getCause() != thrown) {
            lines.add("Caused by:");
            appendTrace(thrown.getCause(), origins, lines);
        }
    }

    private static String describe(StackTraceElement frame, Function<String, Optional<SourceOrigin>> origins) {
        var file = SNIPPET_FILE.matcher(String.valueOf(frame.getFileName()));
        Optional<SourceOrigin> origin = file.matches() ? origins.apply(file.group(1)) : Optional.empty();
        if (origin.isEmpty()) {
            return cleanNames(frame.toString());
        }
        String where = origin.get().describe(Math.max(1, frame.getLineNumber()));
        String type = cleanNames(frame.getClassName());
        String method = frame.getMethodName();
        String name = type.isEmpty() ? method : method.isEmpty() ? type : type + "." + method;
        return name.isEmpty() ? where : name + "(" + where + ")";
    }

    /** The exception's class as the user wrote it (JShell's {@link EvalException} stands in for it). */
    private static String className(Throwable thrown) {
        return thrown instanceof EvalException eval ? eval.getExceptionClassName() : thrown.getClass().getName();
    }

    private static String messageOf(Throwable thrown) {
        return thrown.getMessage() == null ? "" : cleanNames(thrown.getMessage());
    }

    static String cleanNames(String text) {
        return WRAPPER_NAME.matcher(text).replaceAll("");
    }
}
