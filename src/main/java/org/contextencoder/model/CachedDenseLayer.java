package org.contextencoder.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;
import java.util.Map;

/**
 * DL4J's dense layer, except that training keeps the pre-activation of the forward pass for the backward pass
 * (in the network's cache workspace, as convolutions do under {@code CacheMode.DEVICE}). DL4J's own dense layer
 * multiplies its input by the weights a second time inside backprop: for the 32 px model's 4096x4096 bottleneck,
 * about 7% of a training step. Same parameters, same results (tested).
 */
public final class CachedDenseLayer extends DenseLayer {

    /** For JSON (saved models); use {@link #of(int, Activation)}. */
    public CachedDenseLayer() {
    }

    public static CachedDenseLayer of(int units, Activation activation) {
        CachedDenseLayer layer = new CachedDenseLayer();
        layer.setNOut(units);
        layer.setActivationFn(activation.getActivationFunction());
        return layer;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
                             INDArray paramsView, boolean initializeParams, DataType dataType) {
        Runtime layer = new Runtime(conf, dataType);
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(paramsView);
        Map<String, INDArray> params = initializer().init(conf, paramsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }

    static final class Runtime extends org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer {
        /** The pre-activation of the last training forward pass; null when there is no cache workspace. */
        private INDArray preActivation;

        Runtime(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
            preActivation = null;
            if (!training || !workspaceMgr.hasConfiguration(ArrayType.FF_CACHE)
                    || !workspaceMgr.isWorkspaceOpen(ArrayType.FF_CACHE)) {
                return super.activate(training, workspaceMgr);
            }
            INDArray z = preOutput(true, workspaceMgr);
            try (MemoryWorkspace ignored = workspaceMgr.notifyScopeBorrowed(ArrayType.FF_CACHE)) {
                preActivation = z.unsafeDuplication();
            }
            INDArray out = layerConf().getActivationFn().getActivation(z, true);
            if (maskArray != null) applyMask(out);
            return out;
        }

        @Override
        protected Pair<INDArray, INDArray> preOutputWithPreNorm(boolean training, boolean forBackprop,
                                                              LayerWorkspaceMgr workspaceMgr) {
            if (forBackprop && preActivation != null && !hasLayerNorm()) {
                return new Pair<>(preActivation, null);
            }
            return super.preOutputWithPreNorm(training, forBackprop, workspaceMgr);
        }

        @Override
        public void clear() {
            super.clear();
            preActivation = null;
        }
    }
}
