package org.contextencoder.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Runs the project's shell and Python tooling from integration tests, logging into target/. */
final class ExternalCommand {

    static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    static final String PYTHON = "/usr/bin/python3"; // Debian's Jupyter runs here, whatever is on PATH

    record Result(int exitCode, String output) {
    }

    private ExternalCommand() {
    }

    /** Fails (it does not skip: the test command runs setup first) if Jupyter is not installed. */
    static void requirePythonModules(String... modules) throws Exception {
        for (String module : modules) {
            Result probe = run(Map.of(), "probe-" + module, PYTHON, "-c", "import " + module);
            if (probe.exitCode() != 0) {
                fail("Python module '" + module + "' is missing for " + PYTHON
                        + ": run environment/setup.sh first.\n" + probe.output());
            }
        }
    }

    /** Writes a kernelspec for the kernel just built into target/; returns the environment that makes Jupyter find it. */
    static Map<String, String> builtKernel() throws Exception {
        assertSucceeded(run(Map.of(), "write-kernelspec", "environment/write-kernelspec.sh", "target/jupyter/kernels/java"),
                "writing the kernelspec");
        return Map.of("JUPYTER_PATH", ROOT.resolve("target/jupyter").toString());
    }

    /** Runs a command in the project root; its output goes to target/it-logs/NAME.log and the result. */
    static Result run(Map<String, String> env, String name, String... command) throws IOException, InterruptedException {
        Path log = ROOT.resolve("target/it-logs/" + name + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(List.of(command))
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        int exitCode = builder.start().waitFor();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        return new Result(exitCode, output);
    }

    static void assertSucceeded(Result result, String what) {
        assertEquals(0, result.exitCode(), what + " failed:\n" + result.output());
    }
}
