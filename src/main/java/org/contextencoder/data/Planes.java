package org.contextencoder.data;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The one conversion between Java pictures and the channel planes images are kept and computed in (R, G, B, each
 * plane row by row): 8-bit levels in an {@link ImageSet}'s bytes, floats in [0,1] in a model's batch.
 */
public final class Planes {

    private Planes() {
    }

    /** Writes an RGB picture's levels into {@code pixels} at image slot {@code index}. */
    public static void write(BufferedImage rgb, byte[] pixels, int index) {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        int plane = w * h;
        int base = index * ImageSet.CHANNELS * plane;
        int[] argb = rgb.getRGB(0, 0, w, h, null, 0, w);
        for (int k = 0; k < plane; k++) {
            int p = argb[k];
            pixels[base + k] = (byte) (p >> 16);
            pixels[base + plane + k] = (byte) (p >> 8);
            pixels[base + 2 * plane + k] = (byte) p;
        }
    }

    /** A square RGB picture as a batch of one, the floats exactly as an {@link ImageSet} gives them to a model. */
    public static float[] floats(BufferedImage square) {
        int side = square.getWidth();
        if (square.getHeight() != side) {
            throw new IllegalArgumentException("a " + side + "x" + square.getHeight() + " picture is not square");
        }
        byte[] pixels = new byte[ImageSet.CHANNELS * side * side];
        write(square, pixels, 0);
        return new ImageSet(pixels, null, side, List.of()).floats(0, 1);
    }

    /** Image {@code index} of a batch of floats in [0,1] as an RGB picture, each value at its nearest level. */
    public static BufferedImage picture(float[] batch, int index, int side) {
        int plane = side * side;
        int base = index * ImageSet.CHANNELS * plane;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[plane];
        for (int k = 0; k < plane; k++) {
            rgb[k] = (level(batch[base + k]) << 16) | (level(batch[base + plane + k]) << 8)
                    | level(batch[base + 2 * plane + k]);
        }
        image.setRGB(0, 0, side, side, rgb, 0, side);
        return image;
    }

    private static int level(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255f)));
    }
}
