package org.contextencoder.kernel;

import org.dflib.jjava.jupyter.kernel.util.PathsHandler;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves what {@code %classpath}, {@code %jars} and {@code JJAVA_CLASSPATH} name: paths and globs
 * ({@code *} within a directory, {@code ?} one character), several per argument separated by
 * {@link File#pathSeparator}. Relative paths are relative to the kernel's working directory, which
 * Jupyter sets to the notebook's directory.
 */
final class ClasspathEntries {

    private ClasspathEntries() {
    }

    /**
     * Every existing path the arguments name, absolute; with {@code jarsOnly}, only {@code .jar} files.
     *
     * @throws IllegalArgumentException if a path or glob names nothing
     */
    static List<Path> resolve(List<String> arguments, boolean jarsOnly) {
        List<Path> entries = new ArrayList<>();
        for (String argument : arguments) {
            for (String pattern : PathsHandler.split(argument)) {
                List<Path> matches = matches(pattern).stream()
                        .map(p -> p.toAbsolutePath().normalize())
                        .filter(p -> !jarsOnly || (Files.isRegularFile(p) && p.toString().endsWith(".jar")))
                        .sorted()
                        .toList();
                if (matches.isEmpty()) {
                    throw new IllegalArgumentException("nothing matches '" + pattern + "'"
                            + (jarsOnly ? " (looking for .jar files)" : ""));
                }
                entries.addAll(matches);
            }
        }
        return entries;
    }

    private static List<Path> matches(String pattern) {
        try {
            return PathsHandler.resolveGlobs(pattern);
        } catch (RuntimeException missingDirectory) {
            return List.of();
        }
    }
}
