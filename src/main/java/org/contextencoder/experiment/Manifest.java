package org.contextencoder.experiment;

import org.contextencoder.io.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What a result came from: seed and settings, software versions, the git commit, the data's checksum, the
 * machine and the time taken. Written beside every result as {@code manifest.properties}.
 */
public final class Manifest {

    private final Map<String, String> entries = new TreeMap<>();

    public Manifest put(String key, Object value) {
        entries.put(key, String.valueOf(value));
        return this;
    }

    public Manifest putAll(Map<String, String> values) {
        entries.putAll(values);
        return this;
    }

    public Map<String, String> entries() {
        return Map.copyOf(entries);
    }

    /** Versions, commit and machine, the same for every result of this process. */
    public static Manifest environment() {
        Properties build = buildProperties();
        return new Manifest()
                .put("workbench_version", build.getProperty("version", "unknown"))
                .put("dl4j_version", build.getProperty("dl4j", "unknown"))
                .put("nd4j_backend", build.getProperty("backend", "unknown") + ":" + build.getProperty("classifier", ""))
                .put("java_version", System.getProperty("java.version"))
                .put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"))
                .put("cpus", Runtime.getRuntime().availableProcessors())
                .put("git_commit", gitCommit())
                .put("created", Instant.now());
    }

    /**
     * This manifest as the next one of a run that may already have one at {@code previous}: a resumed or reused
     * run keeps when it was created and the commit it started from ({@code started_git_commit}), while
     * {@code git_commit} says which code wrote this manifest (and trained any epochs added now).
     */
    public Manifest continuing(Path previous) {
        Map<String, String> before = java.nio.file.Files.isRegularFile(previous) ? read(previous).entries() : Map.of();
        String commit = entries.get("git_commit");
        put("started_git_commit", before.getOrDefault("started_git_commit", before.getOrDefault("git_commit", commit)));
        if (before.containsKey("created")) put("created", before.get("created"));
        return this;
    }

    /** A manifest written by {@link #write}. */
    public static Manifest read(Path file) {
        Properties p = new Properties();
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read manifest " + file + ": " + e.getMessage(), e);
        }
        Manifest m = new Manifest();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }

    public void write(Path file) {
        Properties p = new Properties();
        p.putAll(entries);
        StringWriter text = new StringWriter();
        try {
            p.store(text, "Context Encoder Workbench run manifest");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.write(file, text.toString());
    }

    static Properties buildProperties() {
        Properties p = new Properties();
        try (InputStream in = Manifest.class.getResourceAsStream("/workbench-build.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The checked-out commit, with "-dirty" when the work tree has changes; "unknown" outside a git checkout. */
    static String gitCommit() {
        try {
            String head = run("git", "rev-parse", "HEAD");
            if (head.isEmpty()) return "unknown";
            return run("git", "status", "--porcelain", "--untracked-files=no").isEmpty() ? head : head + "-dirty";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) return "";
        return out;
    }
}
