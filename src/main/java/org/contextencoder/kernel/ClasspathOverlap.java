package org.contextencoder.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Finds the classpath entry that already has a jar's classes. Cells load classes from the first entry that has
 * them (the kernel's own classpath first), so a jar added after that entry would be shadowed, wholly or in part.
 */
final class ClasspathOverlap {

    /** A jar's classes that an earlier entry already has. */
    record Overlap(Path entry, int classes, int of) {
    }

    private final Map<Path, Set<String>> classFiles = new HashMap<>();

    /** The first of {@code classpath} that has any of {@code jar}'s classes, if one has. */
    Optional<Overlap> find(Path jar, List<Path> classpath) {
        Set<String> added = classFilesOf(jar);
        for (Path entry : classpath) {
            if (entry.equals(jar)) {
                continue;
            }
            Set<String> present = classFilesOf(entry);
            long shared = added.stream().filter(present::contains).count();
            if (shared > 0) {
                return Optional.of(new Overlap(entry, (int) shared, added.size()));
            }
        }
        return Optional.empty();
    }

    private Set<String> classFilesOf(Path entry) {
        return classFiles.computeIfAbsent(entry.toAbsolutePath().normalize(), ClasspathOverlap::read);
    }

    /** The class files of a jar or directory, as paths within it; nothing for what is neither. */
    private static Set<String> read(Path entry) {
        try {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> files = Files.walk(entry)) {
                    return classFiles(files.filter(Files::isRegularFile)
                            .map(file -> entry.relativize(file).toString().replace('\\', '/')));
                }
            }
            if (Files.isRegularFile(entry)) {
                try (ZipFile zip = new ZipFile(entry.toFile())) {
                    return classFiles(zip.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName));
                }
            }
            return Set.of();
        } catch (ZipException notAJar) {
            return Set.of(); // the class loader finds no class in it either
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classpath entry " + entry, e);
        }
    }

    /** Classes only: not resources, nor module descriptors and versioned copies, which every jar may have. */
    private static Set<String> classFiles(Stream<String> names) {
        return names.filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/")
                        && !name.endsWith("module-info.class"))
                .collect(Collectors.toSet());
    }
}
