package org.contextencoder.viz;

import java.awt.image.BufferedImage;

/** Conversions between the models' float planes and Java images. */
public final class Pictures {

    private Pictures() {
    }

    /** Image {@code index} of an NCHW float batch in [0,1] as an RGB picture. */
    public static BufferedImage fromPlanes(float[] batch, int index, int size) {
        int plane = size * size;
        int base = index * 3 * plane;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[plane];
        for (int k = 0; k < plane; k++) {
            rgb[k] = (level(batch[base + k]) << 16) | (level(batch[base + plane + k]) << 8) | level(batch[base + 2 * plane + k]);
        }
        image.setRGB(0, 0, size, size, rgb, 0, size);
        return image;
    }

    /** An RGB picture as floats in [0,1], R, G, B planes (CHW). */
    public static float[] toPlanes(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int plane = w * h;
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        float[] out = new float[3 * plane];
        for (int k = 0; k < plane; k++) {
            int p = argb[k];
            out[k] = ((p >> 16) & 0xFF) / 255f;
            out[plane + k] = ((p >> 8) & 0xFF) / 255f;
            out[2 * plane + k] = (p & 0xFF) / 255f;
        }
        return out;
    }

    private static int level(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255f)));
    }
}
