package org.contextencoder.bench;

/**
 * One line of the comparison: a model ({@code 32}, {@code 128}) in one mode ({@code train}, {@code infer}), images/s
 * of DL4J and (null when it did not run) PyTorch. Training counts as 3x the forward FLOPs (forward + two backward
 * GEMMs per layer), as in torch_bench.py.
 */
record BenchRow(String model, String mode, int batch, long forwardFlops, Summary dl4j, Summary torch) {

    double flopsPerImage() {
        return mode.equals("train") ? 3.0 * forwardFlops : forwardFlops;
    }

    double dl4jGflops() {
        return dl4j.median() * flopsPerImage() / 1e9;
    }

    double torchGflops() {
        return torch == null ? Double.NaN : torch.median() * flopsPerImage() / 1e9;
    }

    /** DL4J / PyTorch images/s (medians); NaN without PyTorch. */
    double ratio() {
        return torch == null ? Double.NaN : dl4j.median() / torch.median();
    }
}
