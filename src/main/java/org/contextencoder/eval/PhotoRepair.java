package org.contextencoder.eval;

import org.contextencoder.data.SquareImages;
import org.contextencoder.model.InpaintingModel;
import org.contextencoder.viz.Pictures;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Repairs a region of a user's photo of any size with a centre-hole model. The model sees the box with as much
 * context around it as in training (for the 32 px model, a window twice the box's side), scaled to its input
 * size; its prediction is scaled back and pasted over the box. Context beyond the photo's edge repeats the
 * edge pixels. A box that is not square is repaired as the square around it.
 */
public final class PhotoRepair {

    private final InpaintingModel model;

    public PhotoRepair(InpaintingModel model) {
        this.model = model;
    }

    /** The box the model repairs when none is given: the photo's centre, at the model's hole-to-image ratio. */
    public Rectangle defaultBox(BufferedImage photo) {
        int side = Math.max(1, Math.min(photo.getWidth(), photo.getHeight()) * model.holeSize() / model.imageSize());
        return new Rectangle((photo.getWidth() - side) / 2, (photo.getHeight() - side) / 2, side, side);
    }

    public BufferedImage repair(BufferedImage photo, Rectangle box) {
        BufferedImage rgb = SquareImages.toRgb(photo);
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        if (box.width <= 0 || box.height <= 0 || box.x < 0 || box.y < 0 || box.x + box.width > w || box.y + box.height > h) {
            throw new IllegalArgumentException("the box " + box.x + "," + box.y + "," + box.width + "," + box.height
                    + " does not lie inside the " + w + "x" + h + " photo: give x,y,w,h with x+w <= " + w + " and y+h <= " + h);
        }
        int side = Math.max(box.width, box.height);
        if (side >= Math.min(w, h)) {
            throw new IllegalArgumentException("a " + side + " px box is as large as the " + w + "x" + h
                    + " photo: the model needs context around the hole; choose a smaller box");
        }
        int cx = box.x + box.width / 2;
        int cy = box.y + box.height / 2;
        int windowSide = Math.round((float) side * model.imageSize() / model.holeSize());
        BufferedImage window = clampedWindow(rgb, cx - windowSide / 2, cy - windowSide / 2, windowSide);
        float[] input = Pictures.toPlanes(SquareImages.resize(window, model.imageSize()));
        float[] patch = new ModelInpainter(model).predictHoles(input, new int[]{0}, 0, 1, model.mask());
        BufferedImage prediction = SquareImages.resize(Pictures.fromPlanes(patch, 0, model.holeSize()), side);

        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(rgb, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(prediction, cx - side / 2, cy - side / 2, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage clampedWindow(BufferedImage image, int x0, int y0, int side) {
        BufferedImage window = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            int sy = Math.max(0, Math.min(image.getHeight() - 1, y0 + y));
            for (int x = 0; x < side; x++) {
                int sx = Math.max(0, Math.min(image.getWidth() - 1, x0 + x));
                window.setRGB(x, y, image.getRGB(sx, sy));
            }
        }
        return window;
    }
}
