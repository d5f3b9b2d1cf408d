package org.contextencoder.bench;

import org.bytedeco.javacpp.Loader;
import org.contextencoder.backend.Nd4jBackend;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * Prints training and inference images/s of the benchmark nets and the float32 matmul ceiling.
 * Usage: {@code Throughput [32|128|all|matmul] [reps] [torch.json]}; the optional file is the output of
 * {@code bench/torch_bench.py --json}, printed alongside as the PyTorch reference. Inputs and targets are uniform in
 * [0,1) (never zeros: zero inputs can take fast paths). Each figure is the median of {@code reps} timed repetitions.
 */
public final class Throughput {
    private static final int WARMUP_STEPS = 2;
    private static final double MIN_REP_SECONDS = 3;

    private Throughput() {
    }

    public static void main(String[] args) throws IOException {
        String which = args.length > 0 ? args[0] : "all";
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        JsonNode torch = args.length > 2 ? new ObjectMapper().readTree(new File(args[2])) : null;
        Nd4jBackend.configure();
        System.out.println("native library: " + Loader.getLoadedLibraries().get("nd4jcpu")
                + "; oneDNN helpers active: " + Nd4jBackend.oneDnnHelpersActive());
        System.out.printf(Locale.ROOT, "matmul 2048x2048 float32: %s GFLOP/s%s%n", summary(matmulGflops(reps)),
                torch == null ? "" : torchFigure(torch.get("matmul_2048_gflops")));
        if (which.equals("32") || which.equals("all")) {
            run("ContextEncoder32", BenchNets::contextEncoder32, 32, 16, 64, reps, torchModel(torch, "32"));
        }
        if (which.equals("128") || which.equals("all")) {
            run("UNet128", BenchNets::unet128, 128, 32, 16, reps, torchModel(torch, "128"));
        }
    }

    private static JsonNode torchModel(JsonNode torch, String name) {
        return torch == null ? null : torch.path("models").get(name);
    }

    private static String torchFigure(JsonNode summary) {
        return summary == null ? "" : String.format(Locale.ROOT, "; PyTorch %.1f", summary.get("median").asDouble());
    }

    private static void run(String name, LongFunction<ComputationGraph> factory, int in, int out, int batch,
                            int reps, JsonNode torch) {
        ComputationGraph net = factory.apply(42L);
        double flops = FlopCount.forwardFlopsPerImage(net.getConfiguration(), InputType.convolutional(in, in, 3));
        INDArray x = Nd4j.rand(DataType.FLOAT, batch, 3, in, in);
        INDArray y = Nd4j.rand(DataType.FLOAT, batch, 3, out, out);
        double[] train = timeRepeated(reps, batch, () -> net.fit(new INDArray[]{x}, new INDArray[]{y}));
        double[] infer = timeRepeated(reps, batch, () -> net.output(false, x));
        System.out.printf(Locale.ROOT, "%s batch %d, forward %.1f MFLOP/image%n", name, batch, flops / 1e6);
        System.out.printf(Locale.ROOT, "  train %s images/s (%.1f GFLOP/s at 3x forward)%s%n",
                summary(train), median(train) * 3 * flops / 1e9,
                torch == null ? "" : torchFigure(torch.get("train_images_per_s")));
        System.out.printf(Locale.ROOT, "  infer %s images/s (%.1f GFLOP/s)%s%n", summary(infer),
                median(infer) * flops / 1e9, torch == null ? "" : torchFigure(torch.get("infer_images_per_s")));
    }

    /**
     * Images/s per repetition, after {@link #WARMUP_STEPS} untimed calls. A repetition runs whole calls until
     * {@link #MIN_REP_SECONDS} have passed, so that slow configurations still finish in bounded time.
     */
    private static double[] timeRepeated(int reps, int batch, Runnable step) {
        for (int i = 0; i < WARMUP_STEPS; i++) {
            step.run();
        }
        double[] rates = new double[reps];
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            int steps = 0;
            double seconds;
            do {
                step.run();
                steps++;
                seconds = (System.nanoTime() - t0) / 1e9;
            } while (seconds < MIN_REP_SECONDS);
            rates[r] = steps * batch / seconds;
        }
        return rates;
    }

    private static double[] matmulGflops(int reps) {
        int n = 2048;
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.create(DataType.FLOAT, n, n);
        double[] rates = timeRepeated(reps, 1, () -> a.mmuli(b, c));
        return Arrays.stream(rates).map(callsPerSecond -> callsPerSecond * 2.0 * n * n * n / 1e9).toArray();
    }

    private static String summary(double[] v) {
        return String.format(Locale.ROOT, "%.1f (min %.1f, max %.1f, n=%d)", median(v),
                Arrays.stream(v).min().orElse(0), Arrays.stream(v).max().orElse(0), v.length);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
