package org.contextencoder.model;

import org.contextencoder.mask.CenterMask;
import org.contextencoder.mask.HoleFill;
import org.contextencoder.mask.Mask;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * A trained (or training) context encoder together with what it needs to be used correctly: the image size,
 * the hole it predicts and what fills its holes in its input.
 */
public final class InpaintingModel {

    private final ComputationGraph graph;
    private final Architecture architecture;
    private final int holeSize;
    private final HoleFill fill;

    public InpaintingModel(ComputationGraph graph, Architecture architecture, int holeSize, HoleFill fill) {
        this.graph = graph;
        this.architecture = architecture;
        this.holeSize = holeSize;
        this.fill = fill;
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

    /** What fills the hole in the model's input. */
    public HoleFill fill() {
        return fill;
    }

    /** The centre mask this model repairs. */
    public Mask mask() {
        return new CenterMask(imageSize(), holeSize);
    }

    /**
     * Predicts the hole of {@code n} images whose holes are already filled ({@code filled} is NCHW);
     * returns the patches, N x 3 x hole x hole, in [0,1].
     */
    public float[] predict(float[] filled, int n) {
        int s = imageSize();
        int length = n * 3 * s * s;
        float[] data = filled.length == length ? filled : Arrays.copyOf(filled, length);
        INDArray out = graph.outputSingle(false, Nd4j.create(data, new long[]{n, 3, s, s}, 'c'));
        return out.dup('c').data().asFloat();
    }

    /**
     * The same network with a copy of its weights and no optimizer state: changing either model's weights leaves the
     * other's alone.
     */
    public InpaintingModel copy() {
        // Through JSON, not clone(): M2.1's MergeVertex.clone() forgets a channels-last merge axis, and the U-Nets'
        // skips then fail to concatenate.
        ComputationGraph copy = new ComputationGraph(ComputationGraphConfiguration.fromJson(
                graph.getConfiguration().toJson()));
        copy.init(graph.params().dup(), false);
        return new InpaintingModel(ChannelsLastBatchNorm.install(copy), architecture, holeSize, fill);
    }

    public long parameterCount() {
        return graph.numParams();
    }

    /** Layers, output shapes and parameter counts, as a text table. */
    public String summary() {
        return graph.summary(InputType.convolutional(imageSize(), imageSize(), 3));
    }
}
