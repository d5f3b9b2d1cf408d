package org.contextencoder.data;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A folder of photos (JPEG or PNG, any size) as model-sized square images. With {@code train/} and
 * {@code test/} subfolders those are the splits; a flat folder is split 80/20 by a seeded shuffle.
 * Files that cannot be decoded, or are smaller than the model's input, are skipped and counted in a warning.
 */
public final class ImageFolder {

    private static final Logger LOG = LoggerFactory.getLogger(ImageFolder.class);
    private static final double TRAIN_FRACTION = 0.8;

    private final Path folder;
    private final int size;
    private final long seed;

    public ImageFolder(Path folder, int size, long seed) {
        if (!Files.isDirectory(folder)) {
            throw new DatasetException("photo folder " + folder + " does not exist: point --data-dir (or --images) "
                    + "at a folder of JPEG/PNG photos, either flat or with train/ and test/ subfolders");
        }
        this.folder = folder;
        this.size = size;
        this.seed = seed;
    }

    public Path folder() {
        return folder;
    }

    /** The photos of one split, at most {@code limit} (no limit when {@code limit <= 0}). */
    public ImageSet split(Split split, int limit) {
        Path sub = folder.resolve(split.id());
        List<Path> files;
        if (Files.isDirectory(folder.resolve("train")) && Files.isDirectory(folder.resolve("test"))) {
            files = photosIn(sub);
        } else {
            files = new ArrayList<>(photosIn(folder));
            Collections.shuffle(files, new Random(seed));
            int cut = (int) Math.round(files.size() * TRAIN_FRACTION);
            files = split == Split.TRAIN ? files.subList(0, cut) : files.subList(cut, files.size());
        }
        if (limit > 0 && files.size() > limit) files = files.subList(0, limit);
        return load(files, size);
    }

    /** Every photo directly in {@code folder} (sorted by name), as model-sized squares. */
    public static ImageSet all(Path folder, int size, int limit) {
        List<Path> files = new ImageFolder(folder, size, 0).photosIn(folder);
        if (limit > 0 && files.size() > limit) files = files.subList(0, limit);
        return load(files, size);
    }

    private List<Path> photosIn(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            List<Path> files = list.filter(Files::isRegularFile).filter(ImageFolder::isPhotoName).sorted().toList();
            if (files.isEmpty()) {
                throw new DatasetException("no .jpg, .jpeg or .png photos in " + dir
                        + ": put the photos there (flat, or in train/ and test/ subfolders)");
            }
            return files;
        } catch (IOException e) {
            throw new DatasetException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean isPhotoName(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png");
    }

    private static ImageSet load(List<Path> files, int size) {
        int per = ImageSet.CHANNELS * size * size;
        byte[] pixels = new byte[files.size() * per];
        boolean[] ok = new boolean[files.size()];
        AtomicInteger unreadable = new AtomicInteger();
        AtomicInteger tooSmall = new AtomicInteger();
        IntStream.range(0, files.size()).parallel().forEach(i -> {
            BufferedImage image = read(files.get(i));
            if (image == null) {
                unreadable.incrementAndGet();
            } else if (Math.min(image.getWidth(), image.getHeight()) < size) {
                tooSmall.incrementAndGet();
            } else {
                SquareImages.writePlanes(SquareImages.centreSquare(image, size), pixels, i);
                ok[i] = true;
            }
        });
        int kept = files.size() - unreadable.get() - tooSmall.get();
        if (unreadable.get() > 0) LOG.warn("skipped {} of {} files that could not be read as images",
                unreadable.get(), files.size());
        if (tooSmall.get() > 0) LOG.warn("skipped {} of {} photos smaller than {}x{} pixels",
                tooSmall.get(), files.size(), size, size);
        if (kept == 0) {
            throw new DatasetException("none of the " + files.size() + " files in "
                    + files.get(0).getParent() + " is a readable photo of at least " + size + "x" + size + " pixels");
        }
        return new ImageSet(compact(pixels, ok, kept, per), null, size, List.of());
    }

    private static byte[] compact(byte[] pixels, boolean[] ok, int kept, int per) {
        if (kept == ok.length) return pixels;
        byte[] out = new byte[kept * per];
        for (int i = 0, j = 0; i < ok.length; i++) {
            if (ok[i]) System.arraycopy(pixels, i * per, out, j++ * per, per);
        }
        return out;
    }

    private static BufferedImage read(Path file) {
        try {
            return ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
