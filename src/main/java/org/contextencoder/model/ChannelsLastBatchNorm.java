package org.contextencoder.model;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.layers.normalization.BatchNormalizationHelper;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.lang.reflect.Field;
import java.util.Map;

/**
 * Batch normalisation over channels-last (NHWC) activations, for training. DL4J's oneDNN helper computes the batch
 * statistics with ND4J's strided reductions and runs libnd4j's generic backward kernel; together they took about a
 * quarter of a training step. Here every per-channel sum is a matrix product with a vector of ones over the
 * {@code [N*H*W, C]} view, and the backward pass is a handful of contiguous broadcast operations; the normalisation
 * itself stays oneDNN's. Statistics are computed on centred values, as the reference does, so the result matches it
 * to float tolerance (tested).
 */
final class ChannelsLastBatchNorm implements BatchNormalizationHelper {

    private static final Field LAYER_HELPER = helperField();

    /** Batch mean and (biased) variance of the last training forward pass, shape [C]; the layer reads them. */
    private INDArray mean;
    private INDArray var;
    private INDArray ones;

    /** Gives every NHWC batch-norm layer of {@code graph} this helper. */
    static ComputationGraph install(ComputationGraph graph) {
        for (var layer : graph.getLayers()) {
            if (layer instanceof BatchNormalization bn
                    && bn.layerConf().getCnn2DFormat() == CNN2DFormat.NHWC && !bn.layerConf().isLockGammaBeta()) {
                try {
                    LAYER_HELPER.set(bn, new ChannelsLastBatchNorm());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot attach the batch-norm helper: " + e.getMessage(), e);
                }
            }
        }
        return graph;
    }

    private static Field helperField() {
        try {
            Field f = BatchNormalization.class.getDeclaredField("helper");
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("this DL4J version has no BatchNormalization.helper field", e);
        }
    }

    private static boolean supported(INDArray x, CNN2DFormat format) {
        return format == CNN2DFormat.NHWC && x.rank() == 4 && x.dataType() == DataType.FLOAT;
    }

    @Override
    public INDArray preOutput(INDArray x, boolean training, long[] shape, INDArray gamma, INDArray beta,
                              INDArray globalMean, INDArray globalVar, double decay, double eps, CNN2DFormat format,
                              LayerWorkspaceMgr workspaceMgr) {
        if (!supported(x, format)) return null;
        x = contiguous(x, ArrayType.FF_WORKING_MEM, workspaceMgr);
        INDArray m;
        INDArray v;
        if (training) {
            statistics(rows(x), workspaceMgr);
            m = mean;
            v = var;
        } else {
            m = globalMean.reshape(globalMean.length());
            v = globalVar.reshape(globalVar.length());
        }
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, x.dataType(), x.shape());
        Nd4j.exec(DynamicCustomOp.builder("batchnorm")
                .addInputs(x, m, v, gamma.reshape(gamma.length()), beta.reshape(beta.length()))
                .addOutputs(out)
                .addIntegerArguments(1, 1, 3) // apply gamma, apply beta, channel axis 3 (NHWC)
                .addFloatingPointArguments(eps)
                .build());
        return out;
    }

    /** Mean and biased variance per channel (column) of {@code x2}: both as products with a row of ones. */
    private void statistics(INDArray x2, LayerWorkspaceMgr workspaceMgr) {
        long rows = x2.rows();
        long channels = x2.columns();
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            if (mean == null || mean.length() != channels) {
                mean = Nd4j.create(DataType.FLOAT, channels);
                var = Nd4j.create(DataType.FLOAT, channels);
            }
            if (ones == null || ones.length() != rows) ones = Nd4j.ones(DataType.FLOAT, 1, rows);
        }
        Nd4j.gemm(ones, x2, mean.reshape(1, channels), false, false, 1.0 / rows, 0.0);
        INDArray centred = workspaceMgr.createUninitialized(ArrayType.FF_WORKING_MEM, DataType.FLOAT, x2.shape());
        Nd4j.exec(new BroadcastSubOp(x2, mean, centred, 1));
        centred.muli(centred);
        Nd4j.gemm(ones, centred, var.reshape(1, channels), false, false, 1.0 / rows, 0.0);
    }

    /**
     * With xhat = (x - mean) / s, s = sqrt(var + eps), over M = N*H*W values per channel:
     * dbeta = sum(dy), dgamma = sum(dy * xhat), and
     * dx = gamma / s * dy - gamma / (s M) * (dbeta + dgamma * xhat).
     */
    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray epsilon, long[] shape, INDArray gamma,
                                                     INDArray beta, INDArray dGammaView, INDArray dBetaView, double eps,
                                                     CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        if (!supported(input, format) || mean == null) return null;
        INDArray x2 = rows(contiguous(input, ArrayType.BP_WORKING_MEM, workspaceMgr));
        INDArray dy2 = rows(contiguous(epsilon, ArrayType.BP_WORKING_MEM, workspaceMgr));
        long m = x2.rows();
        long channels = x2.columns();

        INDArray invStd = Transforms.pow(var.add(eps), -0.5, false);
        INDArray dBeta = Nd4j.gemm(ones, dy2, false, false);
        INDArray centred = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, DataType.FLOAT, x2.shape());
        Nd4j.exec(new BroadcastSubOp(x2, mean, centred, 1));
        INDArray product = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, DataType.FLOAT, x2.shape());
        Nd4j.exec(new MulOp(centred, dy2, product));
        INDArray dGamma = Nd4j.gemm(ones, product, false, false).reshape(channels).muli(invStd);
        dBeta = dBeta.reshape(channels);

        INDArray g = gamma.reshape(channels);
        INDArray scale = g.mul(invStd);                                     // gamma / s
        INDArray k = scale.div(m);                                          // gamma / (s M)
        INDArray centredScale = k.mul(invStd).muli(dGamma).negi();          // -gamma dgamma / (s^2 M)
        INDArray offset = k.mul(dBeta).negi();                              // -gamma dbeta / (s M)

        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, input.shape());
        INDArray dx2 = rows(dx);
        Nd4j.exec(new BroadcastMulOp(dy2, scale, dx2, 1));
        Nd4j.exec(new BroadcastMulOp(centred, centredScale, centred, 1));
        dx2.addi(centred).addiRowVector(offset);

        dGammaView.assign(dGamma.reshape(dGammaView.shape()));
        dBetaView.assign(dBeta.reshape(dBetaView.shape()));
        Gradient gradient = new DefaultGradient();
        gradient.setGradientFor(BatchNormalizationParamInitializer.GAMMA, dGammaView);
        gradient.setGradientFor(BatchNormalizationParamInitializer.BETA, dBetaView);
        return new Pair<>(gradient, dx);
    }

    private static INDArray contiguous(INDArray x, ArrayType type, LayerWorkspaceMgr workspaceMgr) {
        return x.ordering() == 'c' && Shape.hasDefaultStridesForShape(x) ? x : workspaceMgr.dup(type, x, 'c');
    }

    /** NHWC as a [N*H*W, C] matrix: one row per pixel, one column per channel (a view, no copy). */
    private static INDArray rows(INDArray nhwc) {
        return nhwc.reshape('c', nhwc.size(0) * nhwc.size(1) * nhwc.size(2), nhwc.size(3));
    }

    @Override
    public INDArray getMeanCache(DataType dataType) {
        return mean;
    }

    @Override
    public INDArray getVarCache(DataType dataType) {
        return var;
    }

    @Override
    public boolean checkSupported(double eps, boolean fixedGammaBeta) {
        return !fixedGammaBeta;
    }

    @Override
    public boolean checkSupported() {
        return true;
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        return Map.of();
    }
}
