package org.contextencoder.bench;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;

import java.util.Map;

/** Multiply-adds of convolutions and dense layers, the terms that dominate these nets (BN, ReLU, pooling ignored). */
public final class FlopCount {
    private FlopCount() {
    }

    /** Forward FLOPs per image: 2 x multiply-adds. Training costs about 3x this (forward + two backward GEMMs). */
    public static long forwardFlopsPerImage(ComputationGraphConfiguration conf, InputType input) {
        Map<String, InputType> outTypes = conf.getLayerActivationTypes(input);
        long macs = 0;
        for (Map.Entry<String, GraphVertex> e : conf.getVertices().entrySet()) {
            if (!(e.getValue() instanceof LayerVertex)) {
                continue;
            }
            Layer layer = ((LayerVertex) e.getValue()).getLayerConf().getLayer();
            if (layer instanceof ConvolutionLayer && outTypes.get(e.getKey()) instanceof InputType.InputTypeConvolutional) {
                ConvolutionLayer c = (ConvolutionLayer) layer;
                InputType.InputTypeConvolutional out = (InputType.InputTypeConvolutional) outTypes.get(e.getKey());
                macs += out.getHeight() * out.getWidth() * c.getNIn() * c.getNOut()
                        * c.getKernelSize()[0] * c.getKernelSize()[1];
            } else if (layer instanceof DenseLayer) {
                DenseLayer d = (DenseLayer) layer;
                macs += d.getNIn() * d.getNOut();
            }
        }
        return 2 * macs;
    }
}
