package org.contextencoder.kernel;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Completion, inspection and is-complete checks for cells, from JShell's source analysis. */
final class CodeAssist {

    /** What front ends indent the next line with when a cell is not complete yet. */
    static final String CONTINUATION_INDENT = "    ";

    private final Supplier<SourceCodeAnalysis> analysis;

    CodeAssist(Supplier<SourceCodeAnalysis> analysis) {
        this.analysis = analysis;
    }

    ReplacementOptions complete(String cell, int cursor) {
        int[] anchor = {cursor};
        List<String> matches = analysis.get()
                .completionSuggestions(CellSource.blankMagics(cell), cursor, anchor).stream()
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .toList();
        return new ReplacementOptions(matches, anchor[0], cursor);
    }

    /** Signatures (and javadoc, where the JDK has its sources) of what is at the cursor, or null. */
    DisplayData inspect(String cell, int cursor) {
        String code = CellSource.blankMagics(cell);
        int end = cursor;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++; // the whole identifier the cursor is in
        }
        String upToCursor = code.substring(0, end);
        List<SourceCodeAnalysis.Documentation> docs = analysis.get().documentation(upToCursor, end, true);
        if (docs.isEmpty()) {
            // JShell documents a method only after its opening parenthesis.
            docs = analysis.get().documentation(upToCursor + "(", end + 1, true);
        }
        if (docs.isEmpty()) {
            return null;
        }
        return new DisplayData(docs.stream()
                .map(d -> d.javadoc() == null ? d.signature() : d.signature() + "\n" + d.javadoc())
                .collect(Collectors.joining("\n\n")));
    }

    /** One of {@link BaseKernel}'s IS_COMPLETE_* answers, or the indent of an incomplete cell. */
    String isComplete(String cell) {
        String remaining = CellSource.blankMagics(cell);
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.get().analyzeCompletion(remaining);
            switch (info.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI -> remaining = info.remaining();
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return CONTINUATION_INDENT;
                }
                case EMPTY -> {
                    return BaseKernel.IS_COMPLETE_YES;
                }
                default -> {
                    return BaseKernel.IS_COMPLETE_BAD;
                }
            }
        }
        return BaseKernel.IS_COMPLETE_YES;
    }
}
