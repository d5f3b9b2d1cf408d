package org.contextencoder.bench;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import org.contextencoder.backend.Nd4jBackend;
import org.contextencoder.model.Architecture;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs one model in one mode in a JVM of its own, so that the peak memory measured is that model's alone, as
 * PyTorch's is in its own process. The child is this JVM again (its java, JVM options, classpath and JavaCPP's bound
 * on physical memory) running {@link #main}, which prints its {@link Dl4jBench.ModelResult} as one JSON line.
 */
final class Dl4jProcess {
    private static final String PHYSICAL_BOUND = "org.bytedeco.javacpp.maxphysicalbytes";
    private static final Gson GSON = new Gson();

    private final Timing timing;
    private final int batch;

    /** {@code batch <= 0}: each mode's default batch. */
    Dl4jProcess(Timing timing, int batch) {
        this.timing = timing;
        this.batch = batch;
    }

    /** The child: {@code MODEL:MODE REPS REP_SECONDS BATCH}, as {@link #command} writes them. */
    public static void main(String[] args) {
        String[] modelMode = args[0].split(":", 2);
        Architecture a = Architecture.forImageSize(Integer.parseInt(modelMode[0]));
        Mode mode = Mode.parse(modelMode[1]);
        int batch = Integer.parseInt(args[3]);
        Nd4jBackend.configure();
        Dl4jBench.ModelResult result = new Dl4jBench(new Timing(Integer.parseInt(args[1]),
                Double.parseDouble(args[2]))).run(a, mode, batch > 0 ? batch : mode.defaultBatch(a));
        System.out.println(format(result));
        System.exit(0);
    }

    Dl4jBench.ModelResult run(Architecture a, Mode mode) {
        try {
            return parse(ChildProcess.run(command(a, mode), List.of()));
        } catch (IllegalStateException | JsonParseException e) {
            throw new IllegalStateException("the bench's process for model " + Dl4jBench.modelName(a) + " ("
                    + mode.id() + ") failed: " + e.getMessage(), e);
        }
    }

    /** What the child prints: the result as one line of JSON. */
    static String format(Dl4jBench.ModelResult result) {
        return GSON.toJson(result);
    }

    /** The child's result: the last line of its output that is a JSON object (anything printed before is skipped). */
    static Dl4jBench.ModelResult parse(String stdout) {
        String[] lines = stdout.strip().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].startsWith("{")) {
                return GSON.fromJson(lines[i], Dl4jBench.ModelResult.class);
            }
        }
        throw new JsonParseException("no result in the bench process's output: " + stdout.strip());
    }

    /** java, this JVM's options, its physical-memory bound and classpath, then this class with the model and mode. */
    List<String> command(Architecture a, Mode mode) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        // The command line sets its bound at startup (cli.Main), not as a JVM option.
        String bound = System.getProperty(PHYSICAL_BOUND);
        if (bound != null) {
            cmd.add("-D" + PHYSICAL_BOUND + "=" + bound);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Dl4jProcess.class.getName(),
                Dl4jBench.modelName(a) + ":" + mode.id(), Integer.toString(timing.reps()),
                String.format(Locale.ROOT, "%s", timing.minSeconds()), Integer.toString(batch)));
        return cmd;
    }
}
