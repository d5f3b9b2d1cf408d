package org.contextencoder.eval;

import org.contextencoder.data.ImageSet;
import org.contextencoder.mask.Mask;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Scores any {@link Inpainter} on a set of images under a mask, in one pass over them: inside the hole, masked
 * MSE, masked L1 and PSNR ({@link MaskedError}); on the composited image (the original outside the hole, the fill
 * inside) against the original, SSIM ({@link Ssim}) and the detail ratio ({@link DetailRatio}).
 */
public final class Evaluator {

    private final int batchSize;

    public Evaluator(int batchSize) {
        this.batchSize = batchSize;
    }

    /**
     * Every method on the same images under the same mask, one score each in their order: the model beside the
     * baselines, or several models side by side.
     */
    public List<Score> score(List<? extends Inpainter> methods, ImageSet images, Mask mask) {
        return methods.stream().map(m -> score(m, images, mask)).toList();
    }

    public Score score(Inpainter inpainter, ImageSet images, Mask mask) {
        requireSameSize(images, mask);
        int[] indices = IntStream.range(0, images.count()).toArray();
        int per = ImageSet.CHANNELS * mask.holeSize() * mask.holeSize();
        float[] batch = new float[batchSize * images.valuesPerImage()];
        float[] composite = new float[batch.length];
        float[] truth = new float[batchSize * per];
        MaskedError error = new MaskedError();
        Ssim ssim = new Ssim(mask.imageSize());
        DetailRatio detail = new DetailRatio();
        for (int from = 0; from < indices.length; from += batchSize) {
            int n = Math.min(batchSize, indices.length - from);
            images.copyTo(indices, from, n, batch);
            mask.cut(batch, indices, from, n, truth);
            float[] predicted = inpainter.predictHoles(batch, indices, from, n, mask);
            error.add(truth, predicted, n, per);
            System.arraycopy(batch, 0, composite, 0, n * images.valuesPerImage());
            mask.paste(composite, indices, from, n, predicted);
            ssim.add(batch, composite, indices, from, n, mask);
            detail.add(batch, composite, indices, from, n, mask);
        }
        return new Score(inpainter.name(), error.mse(), error.psnr(), error.images(), error.l1(), ssim.mean(),
                detail.ratio(), error.meanImagePsnr());
    }

    static void requireSameSize(ImageSet images, Mask mask) {
        if (images.side() != mask.imageSize()) {
            throw new IllegalArgumentException("the images are " + images.side() + "x" + images.side()
                    + " but the mask is for " + mask.imageSize() + "x" + mask.imageSize() + " images");
        }
    }
}
