package org.contextencoder.model;

import org.contextencoder.backend.Nd4jBackend;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A plain convolution on the interleaved sub-images is the dilated convolution, as the textbook defines it. */
class SubImagesTest {

    private static final int SIDE = 8;
    private static final int IN = 5;
    private static final int OUT = 4;

    /** One 3x3 convolution over an NHWC 8x8x5 input: with DL4J's dilation, or plain between split and join. */
    private static ComputationGraph convolution(int dilation, boolean bySubImages) {
        var g = new NeuralNetConfiguration.Builder().seed(3).updater(new Sgd(0.1))
                .convolutionMode(ConvolutionMode.Same).graphBuilder().addInputs("in")
                .setInputTypes(InputType.convolutional(SIDE, SIDE, IN, CNN2DFormat.NHWC));
        if (bySubImages) {
            g.addLayer("conv", new ConvolutionLayer.Builder(3, 3).nOut(OUT).activation(Activation.IDENTITY).build(),
                    SubImages.split(dilation), "in");
            g.addLayer("out", new ActivationLayer.Builder().activation(Activation.IDENTITY).build(),
                    SubImages.join(dilation), "conv");
        } else {
            g.addLayer("conv", new ConvolutionLayer.Builder(3, 3).dilation(dilation, dilation).nOut(OUT)
                    .activation(Activation.IDENTITY).build(), "in");
            g.addLayer("out", new ActivationLayer.Builder().activation(Activation.IDENTITY).build(), "conv");
        }
        ComputationGraph graph = new ComputationGraph(g.setOutputs("out").build());
        graph.init();
        return graph;
    }

    /** sum over taps (ky, kx) and channels of W[o][i][ky][kx] x[n][y + (ky-1)d][x + (kx-1)d][i], zero beyond the map. */
    private static double textbook(INDArray x, INDArray w, INDArray b, int n, int y, int xx, int o, int d) {
        double sum = b.getDouble(o);
        for (int i = 0; i < IN; i++) {
            for (int ky = 0; ky < 3; ky++) {
                for (int kx = 0; kx < 3; kx++) {
                    int iy = y + (ky - 1) * d;
                    int ix = xx + (kx - 1) * d;
                    if (iy >= 0 && iy < SIDE && ix >= 0 && ix < SIDE) sum += w.getDouble(o, i, ky, kx) * x.getDouble(n, iy, ix, i);
                }
            }
        }
        return sum;
    }

    @ParameterizedTest(name = "dilation {0}")
    @ValueSource(ints = {2, 4})
    void aPlainConvolutionOnTheSubImagesIsTheDilatedConvolution(int d) {
        Nd4jBackend.configure();
        ComputationGraph bySubImages = convolution(d, true);
        // DL4J's own: oneDNN refuses a dilated convolution in 1.0.0-M2.1, and DL4J falls back to its im2col path.
        ComputationGraph dl4j = convolution(d, false);
        assertEquals(dl4j.params(), bySubImages.params(), "same seed, same weights");
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, SIDE, SIDE, IN);
        INDArray ours = bySubImages.outputSingle(false, x);
        INDArray theirs = dl4j.outputSingle(false, x);
        INDArray w = bySubImages.getParam("conv_W");
        INDArray b = bySubImages.getParam("conv_b");
        double largest = 0;
        for (int n = 0; n < 2; n++) {
            for (int y = 0; y < SIDE; y++) {
                for (int xx = 0; xx < SIDE; xx++) {
                    for (int o = 0; o < OUT; o++) {
                        double expected = textbook(x, w, b, n, y, xx, o, d);
                        largest = Math.max(largest, Math.abs(expected - ours.getDouble(n, y, xx, o)));
                        largest = Math.max(largest, Math.abs(expected - theirs.getDouble(n, y, xx, o)));
                    }
                }
            }
        }
        assertTrue(largest < 1e-5, "largest difference from the textbook: " + largest);
    }

    @ParameterizedTest(name = "dilation {0}")
    @ValueSource(ints = {2, 4})
    void splitPutsPixelsDApartTogetherAndJoinUndoesIt(int d) {
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, SIDE, SIDE, IN);
        LayerWorkspaceMgr none = LayerWorkspaceMgr.noWorkspaces();
        INDArray sub = SubImages.split(d).preProcess(x, 3, none);
        assertEquals(List.of(3L * d * d, (long) SIDE / d, (long) SIDE / d, (long) IN),
                Arrays.stream(sub.shape()).boxed().toList());
        // Sub-image (a, b) of image n is batch entry (a d + b) N + n, and holds pixels (a + d i, b + d j).
        int a = d - 1;
        int bCol = 1;
        assertEquals(x.getDouble(2, a + d, bCol + d, 3), sub.getDouble((a * d + bCol) * 3 + 2, 1, 1, 3));
        assertEquals(x, SubImages.join(d).preProcess(sub, 3, none));
        assertEquals(x, SubImages.split(d).backprop(sub, 3, none), "split's gradient is joined back");
    }
}
