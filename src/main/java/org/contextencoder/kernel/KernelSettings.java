package org.contextencoder.kernel;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kernel's configuration, read from the environment variables IJava and JJava use
 * ({@code JJAVA_*}, with the older {@code IJAVA_*} spellings accepted), so one kernelspec
 * configures either kernel.
 *
 * @param classpath           extra classpath entries and globs, {@code File.pathSeparator}-separated
 * @param startupScriptsPath  files (and globs) of Java code run at startup, separated the same way
 * @param startupScript       Java code run at startup, after the scripts
 * @param timeoutMs           longest a cell may run, in milliseconds; zero or less for no limit
 * @param compilerOptions     extra {@code javac} options for cell code
 */
record KernelSettings(String classpath, String startupScriptsPath, String startupScript,
                      long timeoutMs, List<String> compilerOptions) {

    static KernelSettings fromEnvironment(Map<String, String> env) {
        String timeout = read(env, "TIMEOUT").orElse("-1");
        long timeoutMs;
        try {
            timeoutMs = Long.parseLong(timeout.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("JJAVA_TIMEOUT must be milliseconds, not '" + timeout + "'", e);
        }
        return new KernelSettings(
                read(env, "CLASSPATH").orElse(""),
                read(env, "STARTUP_SCRIPTS_PATH").orElse(""),
                read(env, "STARTUP_SCRIPT").orElse(""),
                timeoutMs,
                read(env, "COMPILER_OPTS")
                        .map(opts -> Arrays.stream(opts.strip().split("\\s+")).filter(o -> !o.isEmpty()).toList())
                        .orElse(List.of()));
    }

    private static Optional<String> read(Map<String, String> env, String name) {
        String value = env.getOrDefault("JJAVA_" + name, env.get("IJAVA_" + name));
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
