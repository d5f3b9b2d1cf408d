package org.contextencoder.train;

import org.contextencoder.model.InpaintingModel;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An exponential moving average of a model's weights over the batches (batch-norm statistics included, since DL4J
 * keeps them among the parameters), in a copy of the model without optimizer state: what validation scores and what
 * the run keeps. Its decay at batch {@code t} of the run is {@code min(decay, (1 + t) / (10 + t))}, so the first
 * batches' weights, far from trained, soon stop counting (TensorFlow's ExponentialMovingAverage does the same); {@code
 * t} follows from the epoch and the batch, so a resumed run averages as an uninterrupted one.
 */
final class WeightAverage implements StepState {

    /** Its name among the parts of a checkpoint's state. */
    static final String NAME = "ema";

    private final InpaintingModel averaged;
    private final double decay;

    /** Starts from the model's weights as they are. */
    WeightAverage(InpaintingModel model, double decay) {
        this.averaged = model.copy();
        this.decay = decay;
    }

    /** The averaged weights as a model, for scoring and saving. */
    InpaintingModel model() {
        return averaged;
    }

    /** Folds in the weights {@code trained} has after the run's batch {@code batch} (counted from 1). */
    void update(ComputationGraph trained, long batch) {
        double d = Math.min(decay, (1.0 + batch) / (10.0 + batch));
        INDArray average = averaged.graph().params();
        average.muli(d);
        Nd4j.getBlasWrapper().axpy(1 - d, trained.params(), average);
    }

    @Override
    public void save(Path file) {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            Nd4j.write(averaged.graph().params(), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the weight average to " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void restore(Path file) {
        INDArray saved;
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            saved = Nd4j.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the weight average in " + file + ": " + e.getMessage(), e);
        }
        averaged.graph().params().assign(saved.reshape(averaged.graph().params().shape()));
    }
}
