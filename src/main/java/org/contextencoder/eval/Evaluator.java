package org.contextencoder.eval;

import org.contextencoder.data.ImageSet;
import org.contextencoder.mask.Mask;

import java.util.stream.IntStream;

/** Scores any {@link Inpainter} on a set of images under a mask: masked MSE and PSNR over all of them. */
public final class Evaluator {

    private final int batchSize;

    public Evaluator(int batchSize) {
        this.batchSize = batchSize;
    }

    public Score score(Inpainter inpainter, ImageSet images, Mask mask) {
        requireSameSize(images, mask);
        int[] indices = IntStream.range(0, images.count()).toArray();
        int per = ImageSet.CHANNELS * mask.holeSize() * mask.holeSize();
        float[] batch = new float[batchSize * images.bytesPerImage()];
        float[] truth = new float[batchSize * per];
        MaskedMse mse = new MaskedMse();
        for (int from = 0; from < indices.length; from += batchSize) {
            int n = Math.min(batchSize, indices.length - from);
            images.copyTo(indices, from, n, batch);
            mask.cut(batch, indices, from, n, truth);
            float[] predicted = inpainter.predictHoles(batch, indices, from, n, mask);
            mse.add(truth, predicted, n, per);
        }
        return new Score(inpainter.name(), mse.mse(), mse.psnr(), mse.images());
    }

    static void requireSameSize(ImageSet images, Mask mask) {
        if (images.size() != mask.imageSize()) {
            throw new IllegalArgumentException("the images are " + images.size() + "x" + images.size()
                    + " but the mask is for " + mask.imageSize() + "x" + mask.imageSize() + " images");
        }
    }
}
