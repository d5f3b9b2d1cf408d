package org.contextencoder.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The PyTorch side: bench/torch_best.sh (torch_bench.py with Debian's OpenBLAS in front) run as a subprocess with
 * {@code --json}, one call per model so that DL4J and PyTorch alternate and share the same load. Installs nothing;
 * after the first failure (torch missing) it says how to install it and stays silent.
 */
final class TorchReference {
    static final String SCRIPT = "bench/torch_best.sh";
    static final String INSTALL_HINT = "apt-get install -y python3-torch libopenblas0-pthread (see bench/README.md)";

    /** One model's PyTorch figures. */
    record ModelFigures(Summary train, Summary infer, long peakRssBytes) {
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
        JsonObject o = call("none", false);
        return o == null || !o.has("matmul_2048_gflops") ? null
                : Summary.fromJson(o.getAsJsonObject("matmul_2048_gflops"));
    }

    ModelFigures model(String name) {
        JsonObject o = call(name, true);
        return o == null ? null : modelFigures(o, name);
    }

    static ModelFigures modelFigures(JsonObject result, String name) {
        JsonObject models = result.getAsJsonObject("models");
        if (models == null || !models.has(name)) {
            throw new IllegalStateException("PyTorch's JSON has no figures for model " + name);
        }
        JsonObject m = models.getAsJsonObject(name);
        long rss = result.has("peak_rss_bytes") ? result.get("peak_rss_bytes").getAsLong() : 0;
        return new ModelFigures(Summary.fromJson(m.getAsJsonObject("train_images_per_s")),
                Summary.fromJson(m.getAsJsonObject("infer_images_per_s")), rss);
    }

    /** The JSON object torch_bench.py prints (its last line-spanning object; anything printed before is skipped). */
    static JsonObject parse(String stdout) {
        int start = stdout.indexOf('{');
        if (start < 0) {
            throw new JsonParseException("no JSON object in PyTorch's output: " + stdout.strip());
        }
        return JsonParser.parseString(stdout.substring(start)).getAsJsonObject();
    }

    private JsonObject call(String model, boolean skipMatmul) {
        if (failure != null) {
            return null;
        }
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", script.toString(), "--json", "--model", model,
                "--reps", Integer.toString(timing.reps()), "--seconds", String.format(Locale.ROOT, "%s",
                        timing.minSeconds())));
        if (skipMatmul) {
            cmd.add("--no-matmul");
        }
        if (batch > 0) {
            cmd.addAll(List.of("--batch", Integer.toString(batch)));
        }
        try {
            Path err = Files.createTempFile("torch-bench", ".err");
            try {
                Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int code = p.waitFor();
                if (code != 0) {
                    failure = lastLine(Files.readString(err)) + " (exit " + code + ")";
                    return null;
                }
                return parse(out);
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException | JsonParseException | IllegalStateException e) {
            failure = e.getMessage();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
            return null;
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1].strip();
    }
}
