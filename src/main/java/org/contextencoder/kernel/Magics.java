package org.contextencoder.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The IJava/JJava magics notebooks use: {@code %classpath}, {@code %jars}, {@code %maven}, {@code %mavenRepo},
 * {@code %load}, {@code %time} and the cell magic {@code %%time}; {@code %help} (or {@code %lsmagic}) lists them.
 */
final class Magics {

    /** A line magic, with what {@code %help} says of it. */
    private record LineMagic(String usage, String summary, BiFunction<CellSource.Magic, SourceOrigin, Object> run) {
    }

    private static final String CELL_MAGIC_USAGE = "%%time";
    private static final String CELL_MAGIC_SUMMARY = "as a cell's first line: runs the cell, then prints how long it took";

    private final CellRunner runner;
    private final CellEvaluator evaluator;
    private final Map<String, LineMagic> lineMagics = new LinkedHashMap<>();

    Magics(CellRunner runner, CellEvaluator evaluator, Supplier<MavenResolver> mavenResolver) {
        this.runner = runner;
        this.evaluator = evaluator;
        MavenMagic maven = new MavenMagic(mavenResolver, evaluator);
        lineMagics.put("classpath", new LineMagic("%classpath PATH...",
                "adds directories and jars (paths or globs, several or ':'-separated) to the classpath",
                (call, origin) -> addToClasspath(call, false)));
        lineMagics.put("jars", new LineMagic("%jars JAR...", "adds jars (paths or globs) to the classpath",
                (call, origin) -> addToClasspath(call, true)));
        lineMagics.put("maven", new LineMagic("%maven GROUP:ARTIFACT:VERSION...",
                "adds artifacts and their runtime dependencies, from ~/.m2 and Maven Central, to the classpath",
                (call, origin) -> maven.maven(call)));
        lineMagics.put("mavenRepo", new LineMagic("%mavenRepo ID URL", "adds a Maven repository for %maven",
                (call, origin) -> maven.mavenRepo(call)));
        lineMagics.put("load", new LineMagic("%load FILE",
                "runs a .jsh or .java file, or a notebook's code cells, as if they were cells here",
                (call, origin) -> load(call)));
        lineMagics.put("time", new LineMagic("%time CODE", "runs CODE, then prints how long it took",
                (call, origin) -> time(() -> runner.run(requireArgument(call), origin))));
        lineMagics.put("help", new LineMagic("%help", "lists the magics", (call, origin) -> help()));
        lineMagics.put("lsmagic", new LineMagic("%lsmagic", "lists the magics, as %help does", (call, origin) -> help()));
    }

    Object runLineMagic(CellSource.Magic call, SourceOrigin origin) {
        LineMagic magic = lineMagics.get(call.name());
        if (magic == null) {
            throw new IllegalArgumentException("unknown line magic %" + call.name()
                    + " (known: %" + String.join(", %", lineMagics.keySet()) + "; %help says what each does)");
        }
        return magic.run().apply(call, origin);
    }

    Object runCellMagic(CellSource.CellMagic call, SourceOrigin bodyOrigin) {
        if (!call.name().equals("time")) {
            throw new IllegalArgumentException("unknown cell magic %%" + call.name() + " (known: %%time)");
        }
        return time(() -> runner.run(call.body(), bodyOrigin));
    }

    /** Prints every magic, one line each. */
    private Object help() {
        int width = lineMagics.values().stream().mapToInt(m -> m.usage().length()).max().orElse(0);
        lineMagics.values().forEach(m -> System.out.println(padded(m.usage(), width) + "  " + m.summary()));
        System.out.println(padded(CELL_MAGIC_USAGE, width) + "  " + CELL_MAGIC_SUMMARY);
        return null;
    }

    private static String padded(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    private Object addToClasspath(CellSource.Magic call, boolean jarsOnly) {
        List<Path> entries = ClasspathEntries.resolve(call.words(), jarsOnly);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("%" + call.name() + " needs at least one path or glob");
        }
        entries.forEach(entry -> evaluator.addToClasspath(entry.toString()));
        return null;
    }

    /** Runs a {@code .jsh}/{@code .java} file, or the code cells of a notebook, as if typed into cells. */
    private Object load(CellSource.Magic call) {
        List<String> words = call.words();
        if (words.size() != 1) {
            throw new IllegalArgumentException("usage: %load FILE (a .jsh or .java file, or an .ipynb notebook)");
        }
        Path file = Path.of(words.get(0)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("%load: no such file: " + file);
        }
        String text = read(file);
        if (!file.getFileName().toString().endsWith(".ipynb")) {
            return runner.run(text, new SourceOrigin(file.getFileName().toString(), 1));
        }
        Object value = null;
        List<String> cells = NotebookCode.codeCells(text);
        for (int i = 0; i < cells.size(); i++) {
            value = runner.run(cells.get(i), new SourceOrigin(file.getFileName() + " code cell " + (i + 1), 1));
        }
        return value;
    }

    /** Runs {@code code}, then prints how long it took, like IPython's {@code %time}. */
    static Object time(Supplier<Object> code) {
        long start = System.nanoTime();
        try {
            return code.get();
        } finally {
            System.out.println("Wall time: " + formatDuration(System.nanoTime() - start));
        }
    }

    static String formatDuration(long nanos) {
        double ms = nanos / 1e6;
        if (ms < 1000) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        return String.format(Locale.ROOT, "%.2f s", ms / 1000);
    }

    private static String requireArgument(CellSource.Magic call) {
        if (call.argument().isBlank()) {
            throw new IllegalArgumentException("usage: %" + call.name() + " CODE (or %%" + call.name()
                    + " as the first line of a cell)");
        }
        return call.argument();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("%load: cannot read " + file, e);
        }
    }
}
