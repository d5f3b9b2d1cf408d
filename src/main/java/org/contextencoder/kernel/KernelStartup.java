package org.contextencoder.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prepares a fresh kernel: extra classpath, the default imports and notebook functions
 * ({@code display}, {@code render}, ...), then the user's startup scripts. A failing step is reported
 * on the kernel's log and skipped, so that a bad setting never keeps the kernel from starting.
 */
final class KernelStartup {

    private static final String DEFAULT_IMPORTS = "startup.jsh";

    private final KernelSettings settings;
    private final CellEvaluator evaluator;
    private final CellRunner runner;

    KernelStartup(KernelSettings settings, CellEvaluator evaluator, CellRunner runner) {
        this.settings = settings;
        this.evaluator = evaluator;
        this.runner = runner;
    }

    void run() {
        if (!settings.classpath().isBlank()) {
            attempt("JJAVA_CLASSPATH", () -> ClasspathEntries.resolve(List.of(settings.classpath()), false)
                    .forEach(entry -> evaluator.addToClasspath(entry.toString())));
        }
        attempt("default imports", () -> runner.run(defaultImports(), new SourceOrigin(DEFAULT_IMPORTS, 1)));
        if (!settings.startupScriptsPath().isBlank()) {
            attempt("JJAVA_STARTUP_SCRIPTS_PATH", () -> {
                for (Path script : ClasspathEntries.resolve(List.of(settings.startupScriptsPath()), false)) {
                    runner.run(read(script), new SourceOrigin(script.getFileName().toString(), 1));
                }
            });
        }
        if (!settings.startupScript().isBlank()) {
            attempt("JJAVA_STARTUP_SCRIPT", () -> runner.run(settings.startupScript(), new SourceOrigin("JJAVA_STARTUP_SCRIPT", 1)));
        }
    }

    private void attempt(String step, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            ErrorReport report = ErrorReport.of(e, evaluator::originOf);
            System.err.println("Kernel startup: " + step + " failed: " + report.ename() + ": " + report.evalue());
            report.traceback().forEach(System.err::println);
        }
    }

    static String defaultImports() {
        try (InputStream in = KernelStartup.class.getResourceAsStream(DEFAULT_IMPORTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_IMPORTS + " is missing from the kernel's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path script) {
        try {
            return Files.readString(script);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + script, e);
        }
    }
}
