package org.contextencoder.model;

import org.contextencoder.backend.Nd4jBackend;
import org.contextencoder.mask.HoleFill;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * A network the workbench trains: the images it takes, the holes it predicts, what covers them, its batches and
 * how to build it. Each is one object; {@link Architectures} lists them, so that a new model is one subclass and
 * one line there, and the command line offers it.
 */
public abstract class Architecture {

    /** Section 2.2: 32x32 in, 16x16 centre out. */
    public static final Architecture CE32 = new ContextEncoder32();
    /** Section 2.3: 128x128 in, 32x32 centre out (or 64x64). */
    public static final Architecture UNET128 = new ContextEncoder128();
    /** Beyond the paper: {@link #CE32} with the skip connections of {@link #UNET128}, cropped to the hole. */
    public static final Architecture UNET32 = new UNet32();
    /** Beyond the paper: {@link #UNET32} with dilated convolutions in place of the dense bottleneck, 6.7x smaller. */
    public static final Architecture DILATED32 = new DilatedUNet32();

    private final String id;
    private final int imageSize;
    private final int defaultHole;
    private final HoleFill.Choice defaultFill;
    private final int trainingBatch;
    private final int inferenceBatch;

    /**
     * @param id             the name runs, model files and the command line know it by, in lower case
     * @param defaultHole    the hole it predicts unless a run says otherwise
     * @param defaultFill    what covers the hole unless a run says otherwise (the paper leaves it open)
     * @param trainingBatch  the batch for training by default (the trainer's, the bench's and torch_bench.py's)
     * @param inferenceBatch the batch for inference (evaluation, validation)
     */
    protected Architecture(String id, int imageSize, int defaultHole, HoleFill.Choice defaultFill, int trainingBatch,
                           int inferenceBatch) {
        if (!id.matches("[a-z0-9_-]+")) {
            throw new IllegalArgumentException("an architecture's id is a lower-case name without spaces, not '"
                    + id + "'");
        }
        this.id = id;
        this.imageSize = imageSize;
        this.defaultHole = defaultHole;
        this.defaultFill = defaultFill;
        this.trainingBatch = trainingBatch;
        this.inferenceBatch = inferenceBatch;
    }

    /**
     * True if the network fills a hole wherever it is in the image, so that it may train on holes away from the
     * centre; false for one built around the centre hole (skip connections cropped to it), and by default.
     */
    public boolean findsHoleAnywhere() {
        return false;
    }

    /** Refuses a hole this network cannot predict, before anything is built or written. */
    public abstract void requireHole(int hole);

    /** The network for a centre hole of {@code hole} pixels; {@code weightDecay > 0} makes Adam AdamW. */
    public abstract ComputationGraphConfiguration configuration(long seed, IUpdater updater, double weightDecay,
                                                                int hole, Layout layout);

    public final ComputationGraphConfiguration configuration(long seed, IUpdater updater, double weightDecay,
                                                             int hole) {
        return configuration(seed, updater, weightDecay, hole, Layout.CHANNELS_LAST);
    }

    /** A new, initialised network in the fast layout (with the backend's layer helpers switched on first). */
    public final ComputationGraph build(long seed, IUpdater updater, double weightDecay, int hole) {
        return build(seed, updater, weightDecay, hole, Layout.CHANNELS_LAST);
    }

    public final ComputationGraph build(long seed, IUpdater updater, double weightDecay, int hole, Layout layout) {
        Nd4jBackend.configure();
        ComputationGraph graph = new ComputationGraph(configuration(seed, updater, weightDecay, hole, layout));
        graph.init();
        return ChannelsLastBatchNorm.install(graph);
    }

    public final String id() {
        return id;
    }

    public final int imageSize() {
        return imageSize;
    }

    public final int defaultHole() {
        return defaultHole;
    }

    public final HoleFill.Choice defaultFill() {
        return defaultFill;
    }

    public final int trainingBatch() {
        return trainingBatch;
    }

    public final int inferenceBatch() {
        return inferenceBatch;
    }

    /** The registered architecture with this id, in any case ({@link Architectures#parse}). */
    public static Architecture parse(String id) {
        return Architectures.parse(id);
    }

    /** The paper's model for this image size ({@link Architectures#forImageSize}). */
    public static Architecture forImageSize(int size) {
        return Architectures.forImageSize(size);
    }

    @Override
    public final String toString() {
        return id;
    }
}
