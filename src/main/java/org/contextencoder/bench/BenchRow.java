package org.contextencoder.bench;

/**
 * One line of the comparison: a model ({@code 32}, {@code 128}) in one mode, DL4J's figures and (null when it did not
 * run) PyTorch's, each measured in a process of its own. Training counts as 3x the forward FLOPs (forward + two
 * backward GEMMs per layer), as in torch_bench.py.
 */
record BenchRow(Dl4jBench.ModelResult dl4j, TorchReference.Figures torch) {

    String model() {
        return dl4j.model();
    }

    Mode mode() {
        return dl4j.mode();
    }

    double flopsPerImage() {
        return mode() == Mode.TRAIN ? 3.0 * dl4j.forwardFlops() : dl4j.forwardFlops();
    }

    double dl4jGflops() {
        return dl4j.rate().median() * flopsPerImage() / 1e9;
    }

    double torchGflops() {
        return torch == null ? Double.NaN : torch.rate().median() * flopsPerImage() / 1e9;
    }

    /** DL4J / PyTorch images/s (medians); NaN without PyTorch. */
    double ratio() {
        return torch == null ? Double.NaN : dl4j.rate().median() / torch.rate().median();
    }

    /** DL4J / PyTorch peak resident set; NaN without PyTorch's figure. */
    double memoryRatio() {
        return torch == null || torch.peakRssBytes() == 0 ? Double.NaN
                : (double) dl4j.memory().peakRss() / torch.peakRssBytes();
    }
}
