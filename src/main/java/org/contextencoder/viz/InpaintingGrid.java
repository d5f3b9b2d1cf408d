package org.contextencoder.viz;

import org.contextencoder.data.ImageSet;
import org.contextencoder.eval.Inpainter;
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

    private InpaintingGrid() {
    }

    /** The grid of the first {@code n} images of a set (or all, if fewer): the figure every notebook shows. */
    public static BufferedImage render(ImageSet images, int n, Mask mask, List<? extends Inpainter> inpainters) {
        return render(images, first(images, n), mask, inpainters);
    }

    public static BufferedImage render(ImageSet images, int[] indices, Mask mask, List<? extends Inpainter> inpainters) {
        int n = indices.length;
        int s = images.side();
        float[] originals = originals(images, indices);
        ImageGrid grid = ImageGrid.of(s).scale(Math.max(1, 128 / s)).row("original", originals, n)
                .row("masked", masked(images, indices, mask), n);
        for (Inpainter inpainter : inpainters) {
            float[] repaired = originals.clone();
            mask.paste(repaired, indices, 0, n, inpainter.predictHoles(originals, indices, 0, n, mask));
            grid.row(inpainter.name(), repaired, n);
        }
        return grid.toImage();
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
