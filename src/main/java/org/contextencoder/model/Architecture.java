package org.contextencoder.model;

import org.contextencoder.backend.Nd4jBackend;
import org.contextencoder.mask.HoleFill;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.learning.config.IUpdater;

import java.util.Locale;

/** The paper's two networks, by the image size they take, and one of ours. */
public enum Architecture {
    /** Section 2.2: 32x32 in, 16x16 centre out. */
    CE32(ContextEncoder32.IMAGE_SIZE, ContextEncoder32.PATCH_SIZE),
    /** Section 2.3: 128x128 in, 32x32 centre out (or 64x64). */
    UNET128(ContextEncoder128.IMAGE_SIZE, ContextEncoder128.PATCH_SIZE),
    /** Beyond the paper: {@link #CE32} with the skip connections of {@link #UNET128}, cropped to the hole. */
    UNET32(ContextEncoder32.IMAGE_SIZE, ContextEncoder32.PATCH_SIZE);

    private final int imageSize;
    private final int defaultHole;

    Architecture(int imageSize, int defaultHole) {
        this.imageSize = imageSize;
        this.defaultHole = defaultHole;
    }

    public int imageSize() {
        return imageSize;
    }

    public int defaultHole() {
        return defaultHole;
    }

    /**
     * What covers the hole unless a run says otherwise (the paper leaves it open). The models with skip
     * connections from the hole see its cover at full resolution, so its harmonic fill gives them the border's
     * colours to build on (validation masked MSE against the mean colour: UNET32 on trucks 0.0293 against 0.0318
     * after two epochs, UNET128 on the landmark photos 0.0249 against 0.0274 after one);
     * through the 32 px model's dense bottleneck it makes no difference (0.0397 against 0.0394 after one), and
     * that model keeps the mean colour.
     */
    public HoleFill.Choice defaultFill() {
        return this == CE32 ? HoleFill.Choice.MEAN : HoleFill.Choice.HARMONIC;
    }

    /**
     * Batch for training by default (the trainer's, the bench's and torch_bench.py's): 64 for the 32 px models, 16 for
     * the 128 px one, whose images each take about 30 times the arithmetic of a 32 px one.
     */
    public int trainingBatch() {
        return imageSize == ContextEncoder32.IMAGE_SIZE ? 64 : 16;
    }

    /**
     * Batch for inference (evaluation, validation). The 32 px model infers about 1.6x faster at 256 than at 64
     * (bench/README.md: its small layers leave oneDNN underused at 64); the 128 px model stays at 64, where its
     * activations already take about 0.27 GB per layer.
     */
    public int inferenceBatch() {
        return imageSize == ContextEncoder32.IMAGE_SIZE ? 256 : 64;
    }

    public ComputationGraphConfiguration configuration(long seed, IUpdater updater, double weightDecay, int hole) {
        return configuration(seed, updater, weightDecay, hole, Layout.CHANNELS_LAST);
    }

    public ComputationGraphConfiguration configuration(long seed, IUpdater updater, double weightDecay, int hole,
                                                       Layout layout) {
        if (this == UNET128) return ContextEncoder128.configuration(seed, updater, weightDecay, hole, layout);
        requireHole(hole);
        return ContextEncoder32.configuration(seed, updater, weightDecay, layout, this == UNET32);
    }

    /** Refuses a hole this network cannot predict, before anything is built or written. */
    public void requireHole(int hole) {
        if (this == UNET128) {
            if (hole % 4 != 0 || hole <= 0 || hole >= imageSize) {
                throw new IllegalArgumentException("the 128x128 model needs a hole that is a multiple of 4 below 128"
                        + " (the paper's are 32 and 64), not " + hole);
            }
        } else if (hole != ContextEncoder32.PATCH_SIZE) {
            throw new IllegalArgumentException("the 32x32 models predict a 16x16 centre, so their hole must be 16 px,"
                    + " not " + hole);
        }
    }

    /** A new, initialised network in the fast layout (with the backend's layer helpers switched on first). */
    public ComputationGraph build(long seed, IUpdater updater, double weightDecay, int hole) {
        return build(seed, updater, weightDecay, hole, Layout.CHANNELS_LAST);
    }

    public ComputationGraph build(long seed, IUpdater updater, double weightDecay, int hole, Layout layout) {
        Nd4jBackend.configure();
        ComputationGraph graph = new ComputationGraph(configuration(seed, updater, weightDecay, hole, layout));
        graph.init();
        return ChannelsLastBatchNorm.install(graph);
    }

    /** The paper's model for this image size. */
    public static Architecture forImageSize(int size) {
        for (Architecture a : values()) if (a.imageSize == size) return a;
        throw new IllegalArgumentException("no model takes " + size + "x" + size + " images: use 32 or 128");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Architecture parse(String id) {
        for (Architecture a : values()) if (a.id().equals(id.trim().toLowerCase(Locale.ROOT))) return a;
        throw new IllegalArgumentException("unknown architecture '" + id + "': use ce32, unet32 or unet128");
    }
}
