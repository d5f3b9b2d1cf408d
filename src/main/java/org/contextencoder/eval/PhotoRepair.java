package org.contextencoder.eval;

import org.contextencoder.data.Planes;
import org.contextencoder.data.SquareImages;
import org.contextencoder.model.InpaintingModel;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Repairs a region of a user's photo of any size with a centre-hole model. The model sees the box with as much
 * context around it as in training (for the 32 px model, a window twice the box's side), scaled to its input
 * size; its prediction is scaled back and pasted over the box. Context beyond the photo's edge repeats the
 * edge pixels, and transparent context is seen composited on black, as a folder's photos are in training. A box
 * that is not square is predicted as the square around it, of which only the box is pasted: every pixel outside
 * the box keeps its colour and alpha, and the repaired pixels are opaque.
 */
public final class PhotoRepair {

    private final InpaintingModel model;
    private final Inpainter inpainter;

    public PhotoRepair(InpaintingModel model) {
        this(model, InferenceOptions.NONE);
    }

    /** With {@code options} around the model, at the model's scale (a Poisson blend meets the window's border). */
    public PhotoRepair(InpaintingModel model, InferenceOptions options) {
        this.model = model;
        this.inpainter = options.around(new ModelInpainter(model));
    }

    /** The box the model repairs when none is given: the photo's centre, at the model's hole-to-image ratio. */
    public Rectangle defaultBox(BufferedImage photo) {
        int side = Math.max(1, Math.min(photo.getWidth(), photo.getHeight()) * model.holeSize() / model.imageSize());
        return new Rectangle((photo.getWidth() - side) / 2, (photo.getHeight() - side) / 2, side, side);
    }

    /** The photo with the box repaired, as 8-bit RGB, or ARGB when the photo has alpha. */
    public BufferedImage repair(BufferedImage photo, Rectangle box) {
        int w = photo.getWidth();
        int h = photo.getHeight();
        // x > w - width rather than x + width > w: the sum overflows for a box near Integer.MAX_VALUE
        if (box.width <= 0 || box.height <= 0 || box.x < 0 || box.y < 0 || box.x > w - box.width
                || box.y > h - box.height) {
            throw new IllegalArgumentException("the box " + box.x + "," + box.y + "," + box.width + "," + box.height
                    + " does not lie inside the " + w + "x" + h + " photo: give x,y,w,h with x+w <= " + w + " and y+h <= " + h);
        }
        int side = Math.max(box.width, box.height);
        if (side >= Math.min(w, h)) {
            throw new IllegalArgumentException("a " + side + " px box is as large as the " + w + "x" + h
                    + " photo: the model needs context around the hole; choose a smaller box");
        }
        BufferedImage out = copy(photo);
        int cx = box.x + box.width / 2;
        int cy = box.y + box.height / 2;
        int windowSide = Math.round((float) side * model.imageSize() / model.holeSize());
        BufferedImage window = contextWindow(photo, cx - windowSide / 2, cy - windowSide / 2, windowSide);
        float[] input = Planes.floats(SquareImages.resize(window, model.imageSize()));
        float[] patch = inpainter.predictHoles(input, new int[]{0}, 0, 1, model.mask());
        BufferedImage prediction = SquareImages.resize(Planes.picture(patch, 0, model.holeSize()), side);

        int x0 = cx - side / 2;
        int y0 = cy - side / 2;
        for (int y = box.y; y < box.y + box.height; y++) {
            for (int x = box.x; x < box.x + box.width; x++) {
                out.setRGB(x, y, 0xFF000000 | prediction.getRGB(x - x0, y - y0));
            }
        }
        return out;
    }

    /**
     * The photo's pixels exactly as {@link BufferedImage#getRGB} gives them, copied row by row to spare memory. Made
     * before anything else, so that a photo whose copy does not fit in the memory is refused at once, in a sentence:
     * the one large allocation fails cleanly, so its {@link OutOfMemoryError} is safe to catch.
     */
    private static BufferedImage copy(BufferedImage photo) {
        int w = photo.getWidth();
        int h = photo.getHeight();
        BufferedImage out;
        try {
            out = new BufferedImage(w, h,
                    photo.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        } catch (OutOfMemoryError e) {
            throw new IllegalArgumentException("the repaired copy of this " + w + "x" + h + " photo does not fit in "
                    + "the memory left; scale the photo down, or give Java more memory (java -Xmx...)");
        }
        int[] row = new int[w];
        for (int y = 0; y < photo.getHeight(); y++) {
            photo.getRGB(0, y, w, 1, row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }

    /**
     * The square of {@code side} px at ({@code x0}, {@code y0}), edge pixels repeated beyond the photo and
     * transparency composited on black, averaged over k x k blocks down to about twice the model's input: the
     * model sees it at its input size anyway, and at full size a large box's window can take many times the
     * photo's memory (a 12,500 px box, a 25,000 px window, 2.5 GB).
     */
    private BufferedImage contextWindow(BufferedImage photo, int x0, int y0, int side) {
        int k = Math.max(1, side / (2 * model.imageSize()));
        int n = (side + k - 1) / k;
        BufferedImage window = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
        long[] sums = new long[3 * n];
        for (int j = 0; j < n; j++) {
            Arrays.fill(sums, 0);
            int rows = Math.min(side, (j + 1) * k) - j * k;
            for (int y = j * k; y < j * k + rows; y++) {
                int sy = Math.max(0, Math.min(photo.getHeight() - 1, y0 + y));
                for (int x = 0; x < side; x++) {
                    int p = photo.getRGB(Math.max(0, Math.min(photo.getWidth() - 1, x0 + x)), sy);
                    int alpha = p >>> 24;
                    int i = 3 * (x / k);
                    sums[i] += ((p >> 16) & 0xFF) * alpha;
                    sums[i + 1] += ((p >> 8) & 0xFF) * alpha;
                    sums[i + 2] += (p & 0xFF) * alpha;
                }
            }
            for (int i = 0; i < n; i++) {
                long weight = 255L * rows * (Math.min(side, (i + 1) * k) - i * k);
                int rgb = 0;
                for (int c = 0; c < 3; c++) rgb = rgb << 8 | (int) ((sums[3 * i + c] + weight / 2) / weight);
                window.setRGB(i, j, rgb);
            }
        }
        return window;
    }
}
