package org.contextencoder.train;

import org.contextencoder.data.ImageSet;
import org.contextencoder.mask.HoleFill;
import org.contextencoder.mask.Mask;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The batches of one epoch in a given order. The next batch is prepared on a background thread while the
 * current one trains, so converting bytes to floats and cutting and filling holes costs no training time.
 */
final class BatchSource implements Iterator<Batch>, AutoCloseable {

    private final ImageSet images;
    private final Mask mask;
    private final HoleFill fill;
    private final int[] order;
    private final int batchSize;
    private final Long flipSeed;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "batch-prefetch");
        t.setDaemon(true);
        return t;
    });
    private int next;
    private CompletableFuture<Batch> pending;

    /** {@code flipSeed}: mirror each image with probability 1/2, decided by this seed; null for no flips. */
    BatchSource(ImageSet images, Mask mask, HoleFill fill, int[] order, int batchSize, Long flipSeed) {
        this.images = images;
        this.mask = mask;
        this.fill = fill;
        this.order = order;
        this.batchSize = batchSize;
        this.flipSeed = flipSeed;
        prefetch();
    }

    int batches() {
        return (order.length + batchSize - 1) / batchSize;
    }

    @Override
    public boolean hasNext() {
        return pending != null;
    }

    @Override
    public Batch next() {
        if (pending == null) throw new NoSuchElementException();
        Batch batch = pending.join();
        prefetch();
        return batch;
    }

    private void prefetch() {
        if (next >= order.length) {
            pending = null;
            return;
        }
        int from = next;
        int n = Math.min(batchSize, order.length - from);
        next += n;
        pending = CompletableFuture.supplyAsync(() -> build(from, n), worker);
    }

    private Batch build(int from, int n) {
        int s = images.side();
        int m = mask.holeSize();
        float[] pixels = new float[n * images.valuesPerImage()];
        float[] target = new float[n * 3 * m * m];
        images.copyTo(order, from, n, pixels);
        if (flipSeed != null) flipHalf(pixels, from, n, s);
        mask.cut(pixels, order, from, n, target);
        fill.paint(pixels, order, from, n, mask);
        return new Batch(Nd4j.create(pixels, new long[]{n, 3, s, s}, 'c'),
                Nd4j.create(target, new long[]{n, 3L * m * m}, 'c'), n);
    }

    /** Mirrors left to right the images whose coin, seeded by epoch and position, comes up heads. */
    private void flipHalf(float[] pixels, int from, int n, int s) {
        for (int i = 0; i < n; i++) {
            if (new SplittableRandom(flipSeed * 1_000_003L + from + i).nextBoolean()) {
                for (int row = i * 3 * s; row < (i + 1) * 3 * s; row++) {
                    for (int a = row * s, b = a + s - 1; a < b; a++, b--) {
                        float t = pixels[a];
                        pixels[a] = pixels[b];
                        pixels[b] = t;
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
