package org.contextencoder;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every package says in its package-info which workbench packages it may use, and uses no other. */
class PackageMapTest {

    private static final Path SOURCES = Path.of("src/main/java/org/contextencoder");
    private static final Pattern MAY_USE = Pattern.compile("May use ([^.]*)\\.");
    private static final Pattern NAME = Pattern.compile("\\{@code (\\w+)}");
    private static final Pattern REFERENCE = Pattern.compile("org\\.contextencoder\\.(\\w+)\\.[A-Z]");

    @Test
    void eachPackageUsesOnlyWhatItsMapAllows() throws IOException {
        TreeMap<String, Set<String>> unexpected = new TreeMap<>();
        try (Stream<Path> packages = Files.list(SOURCES)) {
            for (Path dir : packages.filter(Files::isDirectory).sorted().toList()) {
                String name = dir.getFileName().toString();
                Path info = dir.resolve("package-info.java");
                assertTrue(Files.isRegularFile(info), name + " has no package-info.java");
                Set<String> used = used(dir, name);
                used.removeAll(allowed(Files.readString(info), name));
                if (!used.isEmpty()) unexpected.put(name, used);
            }
        }
        assertEquals(new TreeMap<>(), unexpected, "packages used beyond what package-info.java allows");
    }

    private static Set<String> allowed(String info, String name) {
        Matcher sentence = MAY_USE.matcher(info.replaceAll("\\s*\\n\\s*\\*\\s*", " "));
        assertTrue(sentence.find(), name + "'s package-info.java does not say what it may use ('May use ...')");
        Set<String> allowed = new TreeSet<>();
        for (Matcher m = NAME.matcher(sentence.group(1)); m.find(); ) allowed.add(m.group(1));
        return allowed;
    }

    private static Set<String> used(Path dir, String name) throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (Matcher m = REFERENCE.matcher(Files.readString(file)); m.find(); ) used.add(m.group(1));
            }
        }
        used.remove(name);
        return used;
    }
}
