package org.contextencoder.model;

import org.contextencoder.io.Names;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * The adversary of the joint loss: one or more networks, each seeing part of a batch and giving it one linear
 * score; their sum is what a least-squares GAN trains towards 1 for real hole contents and 0 for filled ones. What
 * each network sees is the discriminator's to say: the patch alone ({@link PatchDiscriminator}) or also the image
 * around it ({@link ContextDiscriminator}).
 * <p>
 * The networks are {@link MultiLayerNetwork}s in DL4J's plain channels-first layout. The generator learns from the
 * gradient with respect to its patch, and in DL4J 1.0.0-M2.1 only a MultiLayerNetwork hands that back
 * ({@code backpropGradient} after {@code feedForward}, the documented external-errors route); a ComputationGraph
 * clears it. Patches arrive as flat channels-first vectors, which are NCHW batches as they stand, and the
 * channels-last layout pays off in pooling, which these networks have none of.
 */
public sealed interface Discriminator permits PatchDiscriminator, ContextDiscriminator {

    /** The side of the square holes it judges. */
    int patchSize();

    /** Refuses a generator whose images or holes it cannot judge, in one sentence. */
    void requireFits(int imageSize, int holeSize);

    List<MultiLayerNetwork> networks();

    /**
     * What each network sees, in the order of {@link #networks()}: from images with covered centre holes (NCHW)
     * and patches for those holes (N x 3*m*m, channels-first).
     */
    List<INDArray> inputs(INDArray images, INDArray patches);

    /** The gradient with respect to the patches, from the gradients with respect to each network's input. */
    INDArray patchGradient(List<INDArray> inputGradients);

    /** The same kind of discriminator with other networks in the order of {@link #networks()} (read from a file). */
    Discriminator withNetworks(List<MultiLayerNetwork> networks);

    /** The kind a run chooses ({@code --discriminator patch|context}). */
    enum Choice {
        /** Pathak et al.'s: the patch alone. */
        PATCH,
        /** Iizuka et al.'s idea: the patch, and the image with the patch in its hole. */
        CONTEXT;

        /** A new discriminator for a generator of centre holes trained at {@code generatorRate}, in float. */
        public Discriminator build(int imageSize, int holeSize, long seed, double generatorRate) {
            return switch (this) {
                case PATCH -> PatchDiscriminator.build(holeSize, seed, generatorRate);
                case CONTEXT -> ContextDiscriminator.build(imageSize, holeSize, seed, generatorRate);
            };
        }

        /** The name on the command line and in {@code config.properties}. */
        public String id() {
            return Names.of(this);
        }

        public static Choice parse(String name) {
            return Names.parse(Choice.class, "discriminator", name);
        }
    }
}
