package org.contextencoder.viz;

import org.contextencoder.data.ImageSet;
import org.contextencoder.eval.Inpainter;
import org.contextencoder.mask.Hole;
import org.contextencoder.mask.HoleFill;
import org.contextencoder.mask.Mask;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The paper's figure: original, masked, then one row per inpainter with its prediction pasted into the hole.
 * Several inpainters make the cross-model comparison (general vs truck model on the same images).
 */
public final class InpaintingGrid {

    /** How the hole is shown in the masked row. */
    private static final HoleFill HOLE_GREY = new HoleFill.Solid(new float[]{0.5f, 0.5f, 0.5f});
    /** How wide a grid shows each image: a 32 px image at 4x, a 128 px photo as it is. */
    private static final int PIXELS = 128;

    private InpaintingGrid() {
    }

    /** The grid of the first {@code n} images of a set (or all, if fewer): the figure every notebook shows. */
    public static BufferedImage render(ImageSet images, int n, Mask mask, List<? extends Inpainter> inpainters) {
        return render(images, first(images, n), mask, inpainters);
    }

    public static BufferedImage render(ImageSet images, int[] indices, Mask mask, List<? extends Inpainter> inpainters) {
        return render(images, indices, mask, inpainters, images.side(), PIXELS);
    }

    /**
     * The same grid close up: each image cut to its hole with half a hole of context on every side (a window twice
     * the hole's side, kept within the image: all of a 32 px image with a 16 px hole), enlarged by the largest whole
     * factor that keeps it within {@code pixels} (at least 1x), so that the texture of each fill shows.
     */
    public static BufferedImage aroundHoles(ImageSet images, int[] indices, Mask mask,
                                            List<? extends Inpainter> inpainters, int pixels) {
        return render(images, indices, mask, inpainters, Math.min(images.side(), 2 * mask.holeSize()), pixels);
    }

    private static BufferedImage render(ImageSet images, int[] indices, Mask mask, List<? extends Inpainter> inpainters,
                                        int window, int pixels) {
        int n = indices.length;
        float[] originals = originals(images, indices);
        ImageGrid grid = ImageGrid.of(window).scale(Math.max(1, pixels / window))
                .row("original", around(originals, indices, mask, window), n)
                .row("masked", around(masked(images, indices, mask), indices, mask, window), n);
        for (Inpainter inpainter : inpainters) {
            float[] repaired = originals.clone();
            mask.paste(repaired, indices, 0, n, inpainter.predictHoles(originals, indices, 0, n, mask));
            grid.row(inpainter.name(), around(repaired, indices, mask, window), n);
        }
        return grid.toImage();
    }

    /** Each image's {@code window} x {@code window} square centred on its hole, moved inside the image if need be. */
    private static float[] around(float[] images, int[] indices, Mask mask, int window) {
        int s = mask.imageSize();
        float[] cut = new float[indices.length * ImageSet.CHANNELS * window * window];
        for (int i = 0; i < indices.length; i++) {
            Hole h = mask.hole(indices[i]);
            int x = Math.max(0, Math.min(s - window, h.x() - (window - h.size()) / 2));
            int y = Math.max(0, Math.min(s - window, h.y() - (window - h.size()) / 2));
            for (int c = 0; c < ImageSet.CHANNELS; c++) {
                for (int row = 0; row < window; row++) {
                    System.arraycopy(images, ((i * ImageSet.CHANNELS + c) * s + y + row) * s + x, cut,
                            ((i * ImageSet.CHANNELS + c) * window + row) * window, window);
                }
            }
        }
        return cut;
    }

    /** The images with their holes painted grey, as the "masked" row shows them: to set masks side by side. */
    public static float[] masked(ImageSet images, int[] indices, Mask mask) {
        float[] masked = originals(images, indices);
        HOLE_GREY.paint(masked, indices, 0, indices.length, mask);
        return masked;
    }

    private static float[] originals(ImageSet images, int[] indices) {
        float[] originals = new float[indices.length * images.valuesPerImage()];
        images.copyTo(indices, 0, indices.length, originals);
        return originals;
    }

    /** The first {@code n} images of a set (or all, if fewer): the indices a grid shows. */
    public static int[] first(ImageSet images, int n) {
        return java.util.stream.IntStream.range(0, Math.min(n, images.count())).toArray();
    }
}
