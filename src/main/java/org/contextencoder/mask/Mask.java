package org.contextencoder.mask;

/**
 * Where the missing pixels are. One mask both corrupts the input (a {@link HoleFill} paints over the hole) and
 * defines where the error is measured (only the hole's pixels), so the two can never disagree.
 * Batches are float arrays in NCHW layout with 3 channels; {@code indices[from + i]} is the dataset index of
 * batch slot {@code i}, which is what a per-image mask keys on.
 */
public interface Mask {

    int CHANNELS = 3;

    /** Side of the square images this mask applies to. */
    int imageSize();

    /** Side of the square hole. */
    int holeSize();

    /** The hole of the image with this dataset index. */
    Hole hole(int imageIndex);

    /** Copies each image's hole out into {@code patches} (N x 3 x hole x hole), the model's target. */
    default void cut(float[] batch, int[] indices, int from, int n, float[] patches) {
        transfer(batch, indices, from, n, patches, false);
    }

    /** Pastes {@code patches} into each image's hole, in place: the composited, inpainted image. */
    default void paste(float[] batch, int[] indices, int from, int n, float[] patches) {
        transfer(batch, indices, from, n, patches, true);
    }

    private void transfer(float[] batch, int[] indices, int from, int n, float[] patches, boolean intoImage) {
        int s = imageSize();
        int m = holeSize();
        for (int i = 0; i < n; i++) {
            Hole h = hole(indices[from + i]);
            for (int c = 0; c < CHANNELS; c++) {
                for (int y = 0; y < m; y++) {
                    int image = ((i * CHANNELS + c) * s + h.y() + y) * s + h.x();
                    int patch = ((i * CHANNELS + c) * m + y) * m;
                    if (intoImage) System.arraycopy(patches, patch, batch, image, m);
                    else System.arraycopy(batch, image, patches, patch, m);
                }
            }
        }
    }

    /** Checks the hole fits the image; says what to change when it does not. */
    static void requireFits(int imageSize, int holeSize) {
        if (holeSize <= 0 || holeSize >= imageSize) {
            throw new IllegalArgumentException("a " + holeSize + "x" + holeSize + " hole does not fit a "
                    + imageSize + "x" + imageSize + " image: choose a hole between 1 and " + (imageSize - 1)
                    + " pixels");
        }
    }
}
