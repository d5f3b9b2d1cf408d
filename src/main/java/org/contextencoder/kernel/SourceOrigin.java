package org.contextencoder.kernel;

/**
 * Where a piece of evaluated code came from: a named source (a cell, a loaded file) and the line of
 * that source on which the code starts. Lets errors point at the user's own lines.
 */
record SourceOrigin(String name, int firstLine) {

    /** The origin of code that starts {@code lines} lines further down the same source. */
    SourceOrigin shifted(int lines) {
        return new SourceOrigin(name, firstLine + lines);
    }

    /** Describes the 1-based {@code line} of the code as a line of the whole source. */
    String describe(int line) {
        return name + ", line " + (firstLine + line - 1);
    }

    /** The origin of a notebook cell, named the way Jupyter labels it. */
    static SourceOrigin cell(int executionCount) {
        return new SourceOrigin("Cell In[" + executionCount + "]", 1);
    }
}
