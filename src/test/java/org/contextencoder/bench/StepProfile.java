package org.contextencoder.bench;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.contextencoder.backend.Nd4jBackend;
import org.contextencoder.model.Architecture;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A measurement, not a test: where a training step of one real model spends its time, as the bench trains it (Adam
 * 1e-3, MSE, random data, the trainer's batch). JDK Flight Recorder samples the training thread every 10 ms, in Java
 * and in native code (ND4J's ops run on the calling thread; its OpenMP workers only help); each sample is put under the
 * innermost layer method on its stack, forward or backward, or under the updater.
 * <p>{@code StepProfile MODEL [SECONDS]}: MODEL {@code 32} or {@code 128}, SECONDS of profiled steps (default 30),
 * after 5 unprofiled ones. Prints one line per place with its share of the samples.
 */
public final class StepProfile {
    public static void main(String[] args) throws IOException {
        Nd4jBackend.configure();
        Architecture a = args[0].equals("32") ? Architecture.CE32 : Architecture.UNET128;
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 30;
        ComputationGraph net = a.build(42L, new Adam(1e-3), 0, a.defaultHole());
        int batch = Mode.TRAIN.defaultBatch(a);
        int s = a.imageSize();
        INDArray[] x = {Nd4j.rand(DataType.FLOAT, batch, 3, s, s)};
        INDArray[] y = {Nd4j.rand(DataType.FLOAT, batch, 3L * a.defaultHole() * a.defaultHole())};
        for (int i = 0; i < 5; i++) {
            net.fit(x, y);
        }
        Path file = Files.createTempFile("step-profile", ".jfr");
        int steps = 0;
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                net.fit(x, y);
                steps++;
            }
            recording.stop();
            recording.dump(file);
        }
        Map<String, Integer> counts = new TreeMap<>();
        int total = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (e.getThread("sampledThread") == null
                    || !"main".equals(e.getThread("sampledThread").getJavaName()) || e.getStackTrace() == null) {
                continue;
            }
            counts.merge(place(e.getStackTrace().getFrames()), 1, Integer::sum);
            total++;
        }
        Files.delete(file);
        System.out.printf(Locale.ROOT, "model %s, batch %d: %d training steps in %d s, %d samples of the training thread%n",
                args[0], batch, steps, seconds, total);
        int all = total;
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(c -> System.out.printf(Locale.ROOT, "%5.1f%%  %s%n", 100.0 * c.getValue() / all, c.getKey()));
        System.exit(0);
    }

    private static final List<String> FORWARD = List.of("activate", "preOutput", "preOutput4d", "activateHelper");

    /**
     * The innermost layer method (DL4J's layers and the workbench's own) or updater on the stack: "Layer backward",
     * "Layer forward", "Layer forward, again inside its backward" (a layer that recomputes its output to
     * differentiate it), "updater (Adam)"; else the innermost DL4J frame's class.
     */
    static String place(List<RecordedFrame> frames) {
        for (int i = 0; i < frames.size(); i++) {
            String type = frames.get(i).getMethod().getType().getName();
            String method = frames.get(i).getMethod().getName();
            if (type.startsWith("org.nd4j.linalg.learning.") && type.endsWith("Updater")) {
                return "updater (" + simple(type) + ")";
            }
            boolean layer = type.startsWith("org.deeplearning4j.nn.layers.")
                    || type.startsWith("org.contextencoder.model.");
            if (layer && method.equals("backpropGradient")) {
                return simple(type) + " backward";
            }
            if (layer && FORWARD.contains(method)) {
                boolean inBackward = frames.subList(i + 1, frames.size()).stream().anyMatch(f ->
                        f.getMethod().getType().getName().equals(type)
                                && f.getMethod().getName().equals("backpropGradient"));
                return simple(type) + (inBackward ? " forward, again inside its backward" : " forward");
            }
        }
        return frames.stream().map(f -> f.getMethod().getType().getName())
                .filter(t -> t.startsWith("org.deeplearning4j.") || t.startsWith("org.nd4j."))
                .findFirst().map(t -> "other: " + simple(t)).orElse("other");
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
