package org.contextencoder.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/** One training step's input (images with filled holes, NCHW) and target (the holes' true pixels, flattened). */
public record Batch(INDArray features, INDArray labels, int size) {
}
