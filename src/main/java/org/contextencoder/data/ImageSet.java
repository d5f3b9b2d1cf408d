package org.contextencoder.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A set of same-sized RGB images kept compact as bytes, channel planes first (C,H,W per image), with an
 * optional class label per image. Pixels become floats in [0,1] only per batch, so all of CIFAR-10 fits in
 * 184 MB instead of 737 MB.
 */
public final class ImageSet {

    public static final int CHANNELS = 3;

    private final byte[] pixels;
    private final int[] labels;
    private final int side;
    private final int count;
    private final List<String> classNames;

    /**
     * @param pixels     {@code count * 3 * side * side} bytes, each image as R, G, B planes, rows top to bottom
     * @param labels     one class index per image, or null when the images carry no labels
     * @param classNames the names behind the label indices (empty when unlabelled)
     */
    public ImageSet(byte[] pixels, int[] labels, int side, List<String> classNames) {
        Objects.requireNonNull(pixels, "pixels");
        if (side <= 0) throw new IllegalArgumentException("image side must be positive, got " + side);
        int perImage = CHANNELS * side * side;
        if (pixels.length % perImage != 0) {
            throw new IllegalArgumentException("pixel array of " + pixels.length
                    + " bytes is not a whole number of " + side + "x" + side + " RGB images");
        }
        this.count = pixels.length / perImage;
        if (labels != null && labels.length != count) {
            throw new IllegalArgumentException(labels.length + " labels for " + count + " images");
        }
        this.pixels = pixels;
        this.labels = labels;
        this.side = side;
        this.classNames = List.copyOf(classNames);
    }

    /** Number of images. */
    public int count() {
        return count;
    }

    /** Side of each (square) image in pixels. */
    public int side() {
        return side;
    }

    /** Values per image, 3 x side x side: its bytes here, its floats in a batch. */
    public int valuesPerImage() {
        return CHANNELS * side * side;
    }

    public List<String> classNames() {
        return classNames;
    }

    public boolean hasLabels() {
        return labels != null;
    }

    public int label(int index) {
        if (labels == null) throw new IllegalStateException("these images carry no labels");
        return labels[index];
    }

    /** Pixel of image {@code index} at channel {@code c}, row {@code y}, column {@code x}, in [0,255]. */
    public int pixel(int index, int c, int y, int x) {
        return pixels[index * valuesPerImage() + (c * side + y) * side + x] & 0xFF;
    }

    /**
     * Writes images {@code indices[from..from+n)} as floats in [0,1] into {@code out} (NCHW, contiguous),
     * the layout the models take.
     */
    public void copyTo(int[] indices, int from, int n, float[] out) {
        int per = valuesPerImage();
        for (int i = 0; i < n; i++) {
            int src = indices[from + i] * per;
            int dst = i * per;
            for (int k = 0; k < per; k++) {
                out[dst + k] = (pixels[src + k] & 0xFF) * (1f / 255f);
            }
        }
    }

    /** Images {@code from..from+n-1} as floats in [0,1], NCHW: for showing and scoring a few images. */
    public float[] floats(int from, int n) {
        float[] out = new float[n * valuesPerImage()];
        copyTo(java.util.stream.IntStream.range(from, from + n).toArray(), 0, n, out);
        return out;
    }

    /** The first {@code n} images (all of them if there are fewer). */
    public ImageSet limit(int n) {
        if (n < 0) throw new IllegalArgumentException("limit must be >= 0, got " + n);
        if (n >= count) return this;
        return new ImageSet(Arrays.copyOf(pixels, n * valuesPerImage()),
                labels == null ? null : Arrays.copyOf(labels, n), side, classNames);
    }

    /** Images {@code from..to-1}, in their order. */
    public ImageSet slice(int from, int to) {
        if (from < 0 || to > count || from > to) {
            throw new IllegalArgumentException("images " + from + ".." + to + " are not within 0.." + count);
        }
        int per = valuesPerImage();
        return new ImageSet(Arrays.copyOfRange(pixels, from * per, to * per),
                labels == null ? null : Arrays.copyOfRange(labels, from, to), side, classNames);
    }

    /** These images followed by {@code more} of the same size, without labels (photo crops have none). */
    public ImageSet followedBy(ImageSet more) {
        if (more.side != side) {
            throw new IllegalArgumentException("cannot join " + more.side + " px images to " + side + " px ones");
        }
        byte[] px = Arrays.copyOf(pixels, pixels.length + more.pixels.length);
        System.arraycopy(more.pixels, 0, px, pixels.length, more.pixels.length);
        return new ImageSet(px, null, side, List.of());
    }

    /** The images whose label is one of {@code classIndices}, in their original order. */
    public ImageSet withLabels(int... classIndices) {
        boolean[] keep = new boolean[Math.max(classNames.size(), 1) + 256];
        for (int c : classIndices) keep[c] = true;
        int per = valuesPerImage();
        int kept = 0;
        for (int i = 0; i < count; i++) if (keep[label(i)]) kept++;
        byte[] px = new byte[kept * per];
        int[] lb = new int[kept];
        int j = 0;
        for (int i = 0; i < count; i++) {
            if (!keep[label(i)]) continue;
            System.arraycopy(pixels, i * per, px, j * per, per);
            lb[j++] = labels[i];
        }
        return new ImageSet(px, lb, side, classNames);
    }

    /** Per-channel mean of all pixels, in [0,1]: the "training mean" fill and baseline. */
    public float[] meanColour() {
        long[] sums = new long[CHANNELS];
        int plane = side * side;
        for (int i = 0; i < count; i++) {
            int base = i * valuesPerImage();
            for (int c = 0; c < CHANNELS; c++) {
                long s = 0;
                int off = base + c * plane;
                for (int k = 0; k < plane; k++) s += pixels[off + k] & 0xFF;
                sums[c] += s;
            }
        }
        float[] mean = new float[CHANNELS];
        double n = Math.max(1, (double) count * plane) * 255.0;
        for (int c = 0; c < CHANNELS; c++) mean[c] = (float) (sums[c] / n);
        return mean;
    }
}
