package org.contextencoder.kernel;

import java.util.List;

/** Cell code that JShell rejected; each problem is already described against the cell's own lines. */
final class CompilationException extends RuntimeException {

    private final List<String> problems;

    CompilationException(List<String> problems) {
        super(problems.isEmpty() ? "compilation failed" : problems.get(0).lines().findFirst().orElse(""),
                null, false, false);
        this.problems = List.copyOf(problems);
    }

    /** One entry per problem, each possibly several lines (message, source line, caret). */
    List<String> problems() {
        return problems;
    }
}
