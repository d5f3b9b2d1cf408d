package org.contextencoder.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The PyTorch side: bench/torch_best.sh (torch_bench.py with Debian's OpenBLAS in front) run as a subprocess with
 * {@code --json}, one process per model and mode, as on the DL4J side, so that DL4J and PyTorch alternate and share
 * the same load and each peak resident set is that model's and mode's alone; with glibc's malloc defaults
 * ({@link MallocSettings}). Installs nothing; after the first failure (torch missing) it says how to install it and
 * stays silent.
 */
final class TorchReference {
    static final String SCRIPT = "bench/torch_best.sh";
    static final String INSTALL_HINT = "apt-get install -y python3-torch libopenblas0-pthread (see bench/README.md)";

    /** One model's PyTorch figures in one mode: images/s and the peak resident set of its process. */
    record Figures(Summary rate, long peakRssBytes) {
    }

    private final Path script;
    private final Timing timing;
    private final int batch;
    private String failure;

    /** {@code batch <= 0}: each model's default batch. */
    TorchReference(Path script, Timing timing, int batch) {
        this.script = script;
        this.timing = timing;
        this.batch = batch;
    }

    /** bench/torch_best.sh of the project that {@code start} lies in (the nearest folder above with a pom.xml). */
    static Path locateScript(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml"))) {
                Path script = dir.resolve(SCRIPT);
                if (Files.isRegularFile(script)) {
                    return script;
                }
                throw new IllegalArgumentException("the project at " + dir + " has no " + SCRIPT
                        + ": restore it, or run the bench with --no-torch");
            }
        }
        throw new IllegalArgumentException("no project (pom.xml) above " + start.toAbsolutePath().normalize()
                + " to find " + SCRIPT + " in: run the bench from the repository, or with --no-torch");
    }

    /** Why PyTorch gave no figures, or null while it works. */
    String failure() {
        return failure;
    }

    Summary matmulGflops() {
        JsonObject o = call(List.of("--model", "none"));
        return o == null || !o.has("matmul_2048_gflops") ? null
                : Summary.fromJson(o.getAsJsonObject("matmul_2048_gflops"));
    }

    Figures model(String name, Mode mode) {
        JsonObject o = call(List.of("--model", name, "--mode", mode.id(), "--no-matmul"));
        return o == null ? null : figures(o, name, mode);
    }

    static Figures figures(JsonObject result, String name, Mode mode) {
        JsonObject models = result.getAsJsonObject("models");
        String key = mode.id() + "_images_per_s";
        if (models == null || !models.has(name) || !models.getAsJsonObject(name).has(key)) {
            throw new IllegalStateException("PyTorch's JSON has no " + mode.id() + " figures for model " + name);
        }
        long rss = result.has("peak_rss_bytes") ? result.get("peak_rss_bytes").getAsLong() : 0;
        return new Figures(Summary.fromJson(models.getAsJsonObject(name).getAsJsonObject(key)), rss);
    }

    /** The JSON object torch_bench.py prints (its last line-spanning object; anything printed before is skipped). */
    static JsonObject parse(String stdout) {
        int start = stdout.indexOf('{');
        if (start < 0) {
            throw new JsonParseException("no JSON object in PyTorch's output: " + stdout.strip());
        }
        return JsonParser.parseString(stdout.substring(start)).getAsJsonObject();
    }

    private JsonObject call(List<String> what) {
        if (failure != null) {
            return null;
        }
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", script.toString(), "--json",
                "--reps", Integer.toString(timing.reps()), "--seconds", String.format(Locale.ROOT, "%s",
                        timing.minSeconds())));
        cmd.addAll(what);
        if (batch > 0) {
            cmd.addAll(List.of("--batch", Integer.toString(batch)));
        }
        try {
            return parse(ChildProcess.run(cmd, MallocSettings.VARIABLES));
        } catch (JsonParseException | IllegalStateException e) {
            failure = e.getMessage();
            return null;
        }
    }
}
