package org.contextencoder.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClasspathEntriesTest {

    @TempDir
    Path dir;

    @Test
    void globsMatchWithinADirectoryAndSeparatorsSplitAnArgument() throws Exception {
        Path a = Files.createFile(dir.resolve("a.jar"));
        Path b = Files.createFile(dir.resolve("b.jar"));
        Files.createFile(dir.resolve("notes.txt"));
        Path classes = Files.createDirectory(dir.resolve("classes"));

        List<Path> entries = ClasspathEntries.resolve(
                List.of(dir + "/*.jar" + File.pathSeparator + classes), false);

        assertEquals(List.of(a, b, classes), entries);
    }

    @Test
    void jarsOnlyKeepsJarFiles() throws Exception {
        Path a = Files.createFile(dir.resolve("a.jar"));
        Files.createFile(dir.resolve("notes.txt"));
        Files.createDirectory(dir.resolve("classes.jar"));

        assertEquals(List.of(a), ClasspathEntries.resolve(List.of(dir + "/*"), true));
    }

    @Test
    void aPatternThatMatchesNothingIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClasspathEntries.resolve(List.of(dir + "/missing/*.jar"), false));
        assertTrue(e.getMessage().contains("missing/*.jar"), e.getMessage());
    }
}
