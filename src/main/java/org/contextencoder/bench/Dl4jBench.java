package org.contextencoder.bench;

import org.bytedeco.javacpp.Pointer;
import org.contextencoder.model.Architecture;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.updater.graph.ComputationGraphUpdater;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.lang.ref.Reference;

/**
 * The DL4J side: one real model trained (Adam 1e-3, MSE) or run on random data, with where its memory went, and
 * ND4J's matmul ceiling.
 */
final class Dl4jBench {
    static final int MATMUL_SIZE = 2048;

    /** One model in one mode: forward FLOPs per image from its graph, images/s, memory, and the process it ran in. */
    record ModelResult(String model, Mode mode, int batch, long forwardFlops, Summary rate, MemoryUse memory,
                       long pid) {
    }

    private final Timing timing;

    Dl4jBench(Timing timing) {
        this.timing = timing;
    }

    static String modelName(Architecture a) {
        return Integer.toString(a.imageSize());
    }

    /**
     * Trains or infers at {@code batch} (the workbench's: {@link Mode#defaultBatch}, as torch_bench.py). Meant to be
     * the only model of its process ({@link Dl4jProcess}): the memory figures are the process's.
     */
    ModelResult run(Architecture a, Mode mode, int batch) {
        long base = ProcessMemory.rss() - ProcessMemory.heapRss();
        ComputationGraph net = a.build(42L, new Adam(1e-3), 0, a.defaultHole());
        int s = a.imageSize();
        long flops = FlopCount.forwardFlopsPerImage(net.getConfiguration(), InputType.convolutional(s, s, 3));
        // Uniform in [0,1), never zeros: zero inputs can take fast paths (denormals, sparse kernels).
        INDArray x = Nd4j.rand(DataType.FLOAT, batch, 3, s, s);
        Summary rate;
        if (mode == Mode.TRAIN) {
            INDArray y = Nd4j.rand(DataType.FLOAT, batch, 3L * a.defaultHole() * a.defaultHole());
            rate = timing.rate(batch, () -> net.fit(new INDArray[]{x}, new INDArray[]{y}));
        } else {
            rate = timing.rate(batch, () -> net.output(false, x));
        }
        // The heap's resident pages only grow while the model runs: now is as good as at the peak.
        long heap = ProcessMemory.heapRss();
        long peak = ProcessMemory.peakRss();
        long workspaces = workspaceBytes();
        long arrays = modelArrayBytes(net);
        System.gc();
        MemoryUse memory = new MemoryUse(peak, base, heap, workspaces, arrays, Pointer.totalBytes(), settledRss());
        Reference.reachabilityFence(net);
        return new ModelResult(modelName(a), mode, batch, flops, rate, memory, ProcessHandle.current().pid());
    }

    /** What this thread's ND4J workspaces hold (the network's, opened on the thread that trains or infers). */
    static long workspaceBytes() {
        return Nd4j.getWorkspaceManager().getAllWorkspacesForCurrentThread().stream()
                .mapToLong(MemoryWorkspace::getCurrentSize).sum();
    }

    /** Parameters, and once trained the gradients and the updater's state (Adam's two moments). */
    static long modelArrayBytes(ComputationGraph net) {
        long bytes = bytes(net.params()) + bytes(net.getFlattenedGradients());
        ComputationGraphUpdater updater = net.getUpdater(false);
        return updater == null ? bytes : bytes + bytes(updater.getStateViewArray());
    }

    private static long bytes(INDArray a) {
        return a == null ? 0 : a.length() * a.dataType().width();
    }

    /** The resident set once a collection has freed the arrays nothing references (ND4J frees them on a thread). */
    private static long settledRss() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ProcessMemory.rss();
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
