package org.contextencoder.model;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.preprocessor.BaseInputPreProcessor;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Moves image activations between channels-first (NCHW, what the rest of the workbench hands the models) and
 * channels-last (NHWC, what the networks compute in). oneDNN's pooling is 25-50x faster on NHWC than on NCHW
 * here, and its convolutions skip a layout reorder per call; the parameters mean the same in both layouts, so a
 * model saved by either loads into the other.
 */
public final class ChannelOrder extends BaseInputPreProcessor {

    private static final int[] TO_LAST = {0, 2, 3, 1};
    private static final int[] TO_FIRST = {0, 3, 1, 2};

    private final CNN2DFormat target;

    public ChannelOrder(@JsonProperty("target") CNN2DFormat target) {
        this.target = target;
    }

    /** NCHW in, NHWC out: in front of a network's first convolution. */
    public static ChannelOrder toLast() {
        return new ChannelOrder(CNN2DFormat.NHWC);
    }

    /** NHWC in, NCHW out: before flattening, so flat vectors keep the channels-first order. */
    public static ChannelOrder toFirst() {
        return new ChannelOrder(CNN2DFormat.NCHW);
    }

    public CNN2DFormat getTarget() {
        return target;
    }

    @Override
    public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        return workspaceMgr.dup(ArrayType.ACTIVATIONS, input.permute(forward()), 'c');
    }

    @Override
    public INDArray backprop(INDArray output, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        return workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, output.permute(target == CNN2DFormat.NHWC ? TO_FIRST : TO_LAST), 'c');
    }

    private int[] forward() {
        return target == CNN2DFormat.NHWC ? TO_LAST : TO_FIRST;
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeConvolutional c)) {
            throw new IllegalStateException("ChannelOrder takes image activations, got " + inputType);
        }
        if (c.getFormat() == target) {
            throw new IllegalStateException("activations are already " + target + ": " + inputType);
        }
        return InputType.convolutional(c.getHeight(), c.getWidth(), c.getChannels(), target);
    }

    @Override
    public ChannelOrder clone() {
        return new ChannelOrder(target);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelOrder other && other.target == target;
    }

    @Override
    public int hashCode() {
        return target.hashCode();
    }

    @Override
    public String toString() {
        return "ChannelOrder(to " + target + ")";
    }
}
