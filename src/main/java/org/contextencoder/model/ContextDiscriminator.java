package org.contextencoder.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

/**
 * A {@link Discriminator} that also sees the context, after Iizuka et al.'s local and global discriminators: the
 * {@link PatchDiscriminator}'s network on the patch, and the same kind of network on the whole image with the patch
 * in its hole (the original outside it). Iizuka et al. join the two networks' features in a last dense layer; here
 * their scores are added, which keeps each an ordinary network of its own. A fill that matches its border scores
 * better globally than one that only looks like a real patch.
 * <pre>
 * local:  16x16x3 patch  -> conv 64, conv 128 + BN            -> score
 * global: 32x32x3 image  -> conv 64, conv 128 + BN, 256 + BN  -> score     (32 px models)
 * </pre>
 */
public final class ContextDiscriminator implements Discriminator {

    private final MultiLayerNetwork local;
    private final MultiLayerNetwork global;
    private final int imageSize;
    private final int patchSize;

    /** From networks as {@link PatchDiscriminator#configuration} builds them, of the patch and the image size. */
    public ContextDiscriminator(MultiLayerNetwork local, MultiLayerNetwork global, int imageSize, int patchSize) {
        this.local = local;
        this.global = global;
        this.imageSize = imageSize;
        this.patchSize = patchSize;
    }

    /** A new discriminator for a generator of centre holes trained at {@code generatorRate}, in float. */
    public static ContextDiscriminator build(int imageSize, int patchSize, long seed, double generatorRate) {
        return new ContextDiscriminator(PatchDiscriminator.network(patchSize, seed, generatorRate),
                PatchDiscriminator.network(imageSize, seed + 1, generatorRate), imageSize, patchSize);
    }

    @Override
    public int patchSize() {
        return patchSize;
    }

    @Override
    public void requireFits(int imageSize, int holeSize) {
        if (imageSize != this.imageSize || holeSize != patchSize) {
            throw new IllegalArgumentException("the discriminator judges " + patchSize + " px holes in " + this.imageSize
                    + " px images but the generator fills " + holeSize + " px holes in " + imageSize + " px images:"
                    + " build it for the generator's");
        }
    }

    @Override
    public List<MultiLayerNetwork> networks() {
        return List.of(local, global);
    }

    @Override
    public ContextDiscriminator withNetworks(List<MultiLayerNetwork> networks) {
        PatchDiscriminator.requireCount(networks, 2);
        return new ContextDiscriminator(networks.get(0), networks.get(1), imageSize, patchSize);
    }

    /** The patch, and the images with the patch in their centre holes. */
    @Override
    public List<INDArray> inputs(INDArray images, INDArray patches) {
        INDArray patch = PatchDiscriminator.image(patches, patchSize);
        INDArray composite = images.dup('c');
        composite.get(hole()).assign(patch);
        return List.of(patch, composite);
    }

    /** The local network's gradient plus the global one's over the hole. */
    @Override
    public INDArray patchGradient(List<INDArray> inputGradients) {
        INDArray g = inputGradients.get(0).add(inputGradients.get(1).get(hole()));
        return g.reshape('c', g.size(0), g.length() / g.size(0));
    }

    private INDArrayIndex[] hole() {
        int corner = (imageSize - patchSize) / 2;
        INDArrayIndex span = NDArrayIndex.interval(corner, corner + patchSize);
        return new INDArrayIndex[]{NDArrayIndex.all(), NDArrayIndex.all(), span, span};
    }
}
