package org.contextencoder.bench;

import org.contextencoder.model.Architecture;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/** The DL4J side: the real models trained (Adam 1e-3, MSE) and run on random data, and ND4J's matmul ceiling. */
final class Dl4jBench {
    static final int MATMUL_SIZE = 2048;

    /** Figures of one model: forward FLOPs per image from its graph, images/s, and the peaks while it ran. */
    record ModelResult(String model, int trainBatch, int inferBatch, long forwardFlops, Summary train, Summary infer,
                       MemoryPeak.Peak memory) {
    }

    private final Timing timing;

    Dl4jBench(Timing timing) {
        this.timing = timing;
    }

    static String modelName(Architecture a) {
        return Integer.toString(a.imageSize());
    }

    /**
     * Trains at {@code trainBatch} and infers at {@code inferBatch}: each mode at the batch the workbench uses for it
     * ({@link Architecture#trainingBatch()} and {@link Architecture#inferenceBatch()}), torch_bench.py likewise.
     */
    ModelResult run(Architecture a, int trainBatch, int inferBatch) {
        try (MemoryPeak peak = MemoryPeak.start()) {
            ComputationGraph net = a.build(42L, new Adam(1e-3), 0, a.defaultHole());
            int s = a.imageSize();
            long flops = FlopCount.forwardFlopsPerImage(net.getConfiguration(), InputType.convolutional(s, s, 3));
            // Uniform in [0,1), never zeros: zero inputs can take fast paths (denormals, sparse kernels).
            INDArray x = Nd4j.rand(DataType.FLOAT, trainBatch, 3, s, s);
            INDArray y = Nd4j.rand(DataType.FLOAT, trainBatch, 3L * a.defaultHole() * a.defaultHole());
            Summary train = timing.rate(trainBatch, () -> net.fit(new INDArray[]{x}, new INDArray[]{y}));
            INDArray xi = Nd4j.rand(DataType.FLOAT, inferBatch, 3, s, s);
            Summary infer = timing.rate(inferBatch, () -> net.output(false, xi));
            return new ModelResult(modelName(a), trainBatch, inferBatch, flops, train, infer, peak.stop());
        }
    }

    /** Float32 GEMM GFLOP/s of ND4J's BLAS: the ceiling that convolutions (im2col) and dense layers approach. */
    Summary matmulGflops() {
        int n = MATMUL_SIZE;
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.create(DataType.FLOAT, n, n);
        return timing.rate(2.0 * n * n * n / 1e9, () -> a.mmuli(b, c));
    }
}
