package org.contextencoder.model;

import org.contextencoder.mask.CenterMask;
import org.contextencoder.mask.HoleCover;
import org.contextencoder.mask.Mask;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * A trained (or training) context encoder together with what it needs to be used correctly: the image size,
 * the hole it predicts and what covers its holes.
 */
public final class InpaintingModel {

    private final ComputationGraph graph;
    private final Architecture architecture;
    private final int holeSize;
    private final HoleCover cover;

    public InpaintingModel(ComputationGraph graph, Architecture architecture, int holeSize, HoleCover cover) {
        this.graph = graph;
        this.architecture = architecture;
        this.holeSize = holeSize;
        this.cover = cover;
    }

    public ComputationGraph graph() {
        return graph;
    }

    public Architecture architecture() {
        return architecture;
    }

    public int imageSize() {
        return architecture.imageSize();
    }

    public int holeSize() {
        return holeSize;
    }

    /** What covers the hole in the model's input. */
    public HoleCover cover() {
        return cover;
    }

    /** The centre mask this model repairs. */
    public Mask mask() {
        return new CenterMask(imageSize(), holeSize);
    }

    /**
     * Predicts the hole of {@code n} images whose holes are already covered ({@code covered} is NCHW);
     * returns the patches, N x 3 x hole x hole, in [0,1].
     */
    public float[] predict(float[] covered, int n) {
        int s = imageSize();
        int length = n * 3 * s * s;
        float[] data = covered.length == length ? covered : Arrays.copyOf(covered, length);
        INDArray out = graph.outputSingle(false, Nd4j.create(data, new long[]{n, 3, s, s}, 'c'));
        return out.dup('c').data().asFloat();
    }

    public long parameterCount() {
        return graph.numParams();
    }

    /** Layers, output shapes and parameter counts, as a text table. */
    public String summary() {
        return graph.summary(InputType.convolutional(imageSize(), imageSize(), 3));
    }
}
