package org.contextencoder.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code %maven} and {@code %mavenRepo} against a file:// repository built here (no network). */
class MavenMagicTest {

    @TempDir
    static Path temp;
    private static TestMavenRepository repository;
    private static CellEvaluator evaluator;
    private static CellRunner runner;
    private static int cells;

    @BeforeAll
    static void publishArtifactsAndStartJShell() throws Exception {
        repository = new TestMavenRepository(temp.resolve("remote"));
        repository.publish("org.example:words:1.0", Map.of("org.example.words.Words",
                "package org.example.words; public class Words { public static String world() { return \"world\"; } }"));
        // Its test dependency is nowhere: resolving it would fail.
        repository.publish("org.example:greeting:1.0", Map.of("org.example.greeting.Greeting",
                        "package org.example.greeting; public class Greeting { public static String hello() { "
                                + "return \"hello, \" + org.example.words.Words.world(); } }"),
                "org.example:words:1.0", "org.example:absent:1.0:test");
        // Another build of classes the kernel has (Gson, on its classpath), and the very jar the kernel has.
        repository.publish("org.example:forked-gson:1.0", Map.of("com.google.gson.Gson",
                "package com.google.gson; public class Gson { }"));
        repository.publish("com.google.code.gson:gson:2.11.0", Map.of("com.google.gson.Gson",
                "package com.google.gson; public class Gson { }"));

        evaluator = new CellEvaluator(-1, List.of());
        runner = new CellRunner(evaluator, () -> new MavenResolver(temp.resolve("local")));
        cell("%mavenRepo test " + repository.url());
    }

    @AfterAll
    static void stopJShell() {
        evaluator.close();
    }

    private static Object cell(String code) {
        return runner.run(code, SourceOrigin.cell(++cells));
    }

    @Test
    void addsTheArtifactAndItsRuntimeDependenciesAndSaysSo() {
        Printed printed = printed(() -> cell("%maven org.example:greeting:1.0"));

        assertEquals("hello, world", cell("org.example.greeting.Greeting.hello()"));
        Path local = temp.resolve("local");
        assertEquals(List.of(
                "Added org.example:greeting:1.0 (" + local.resolve("org/example/greeting/1.0/greeting-1.0.jar") + ")",
                "Added org.example:words:1.0 (" + local.resolve("org/example/words/1.0/words-1.0.jar") + ")"),
                printed.out().lines().toList());
        assertEquals("", printed.err());
    }

    @Test
    void aJarWithClassesTheKernelHasIsReportedNotAdded() {
        Printed printed = printed(() -> cell("%maven org.example:forked-gson:1.0 com.google.code.gson:gson:2.11.0"));

        assertTrue(printed.err().startsWith("Not added: org.example:forked-gson:1.0 conflicts with "), printed.err());
        assertTrue(printed.err().contains("gson-2.11.0.jar, already on the classpath, which has 1 of its 1 classes"),
                printed.err());
        assertTrue(printed.out().startsWith("Already on the classpath: com.google.code.gson:gson:2.11.0 ("),
                printed.out());
        assertTrue(evaluator.classpath().stream().noneMatch(p -> p.startsWith(temp.resolve("local/org/example/forked-gson"))));
    }

    @Test
    void anArtifactNoRepositoryHasIsAnErrorNamingTheRepositories() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cell("%maven org.example:nowhere:1.0"));

        assertTrue(e.getMessage().startsWith("cannot resolve org.example:nowhere:1.0 from test (" + repository.url()),
                e.getMessage());
    }

    @Test
    void badArgumentsSayWhatToWrite() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> cell("%maven commons-text"))
                .getMessage().startsWith("'commons-text' is not a Maven artifact: write it as group:artifact:version"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> cell("%maven"))
                .getMessage().startsWith("usage: %maven group:artifact:version"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> cell("%mavenRepo x ftp://example.org/"))
                .getMessage().contains("starts with http://, https:// or file://"));
    }

    @Test
    void helpListsEveryMagicOnALineOfItsOwn() {
        Printed printed = printed(() -> cell("%help"));

        List<String> magics = printed.out().lines().map(line -> line.split(" ")[0]).toList();
        assertEquals(List.of("%classpath", "%jars", "%maven", "%mavenRepo", "%load", "%time", "%help", "%lsmagic",
                "%%time"), magics);
        assertEquals(printed.out(), printed(() -> cell("%lsmagic")).out());
    }

    private record Printed(String out, String err) {
    }

    /** What {@code action} printed on System.out and System.err, which a kernel sends to the notebook. */
    private static Printed printed(Supplier<Object> action) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        try {
            action.get();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Printed(outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    }
}
