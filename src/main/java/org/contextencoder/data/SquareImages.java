package org.contextencoder.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Turns any photo into the square RGB picture a model takes: centre crop, then a high-quality resize. */
public final class SquareImages {

    private SquareImages() {
    }

    /** Centre-crops {@code image} to a square and resizes it to {@code size}x{@code size} RGB. */
    public static BufferedImage centreSquare(BufferedImage image, int size) {
        int side = Math.min(image.getWidth(), image.getHeight());
        BufferedImage square = toRgb(image.getSubimage(
                (image.getWidth() - side) / 2, (image.getHeight() - side) / 2, side, side));
        return resize(square, size);
    }

    /**
     * Resizes a square RGB image. Large reductions go by halving first, since a single bicubic step
     * samples only a few source pixels per output pixel and aliases.
     */
    public static BufferedImage resize(BufferedImage image, int size) {
        BufferedImage current = toRgb(image);
        while (current.getWidth() >= 2 * size) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2,
                    RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        if (current.getWidth() == size && current.getHeight() == size) return current;
        return draw(current, size, size, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }

    /** Any image as 8-bit RGB; grey and indexed images become three equal channels, alpha is dropped. */
    public static BufferedImage toRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) return image;
        return draw(image, image.getWidth(), image.getHeight(), RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }

    private static BufferedImage draw(BufferedImage source, int w, int h, Object interpolation) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
