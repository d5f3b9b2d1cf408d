package org.contextencoder.data;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A folder of photos (JPEG or PNG, any size) as model-sized square images. With {@code train/} and
 * {@code test/} subfolders those are the splits; a flat folder is split 80/20 by a shuffle with a split seed
 * ({@link #SPLIT_SEED} unless a run recorded another), which is not the training seed: every command that reads a
 * run's photos, whatever seed it trains or scores with, gets the same training and test photos. Files that cannot
 * be decoded (damaged or cut short), would not fit in memory, or are smaller than the model's input are skipped,
 * counted and named in a warning.
 */
public final class ImageFolder {

    /** The seed that splits a flat folder; 42 is also the default training seed, the one that split it before. */
    public static final long SPLIT_SEED = 42;

    private static final Logger LOG = LoggerFactory.getLogger(ImageFolder.class);
    private static final double TRAIN_FRACTION = 0.8;
    /** The fewest photos an 80/20 split leaves at least one of on each side. */
    private static final int FEWEST_TO_SPLIT = 3;
    /** Skipped files named in a warning, so a user can find them without a flood of lines. */
    private static final int NAMED = 5;
    private static final String UNREADABLE = "files that could not be read as images";
    private static final String TOO_LARGE = "photos too large to decode in this memory";
    /**
     * The memory one photo may take to decode: a quarter of the heap, since photos decode in parallel beside the
     * images already loaded. A fixed share rather than what is free now, so which photos are kept does not depend
     * on when the garbage collector last ran.
     */
    private static final long PHOTO_BUDGET = Runtime.getRuntime().maxMemory() / 4;

    private final Path folder;
    private final int size;
    private final long splitSeed;

    public ImageFolder(Path folder, int size, long splitSeed) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new DatasetException("the photo folder " + folder + " is a file, not a folder: point --data-dir, "
                    + "--photos or --images at a folder of JPEG/PNG photos");
        }
        if (!Files.isDirectory(folder)) {
            throw new DatasetException("photo folder " + folder + " does not exist: point --data-dir (or --images) "
                    + "at a folder of JPEG/PNG photos, either flat or with train/ and test/ subfolders");
        }
        this.folder = folder;
        this.size = size;
        this.splitSeed = splitSeed;
    }

    public Path folder() {
        return folder;
    }

    /** The photos of one split, at most {@code limit} (no limit when {@code limit <= 0}). */
    public ImageSet split(Split split, int limit) {
        return load(atMost(files(split), limit), size);
    }

    /** The training photos less the {@link #validation} ones, at most {@code limit}. */
    public ImageSet trainingLessValidation(int limit) {
        return load(atMost(Holdout.training(trainingInSplitOrder()), limit), size);
    }

    /**
     * The validation photos, at most {@code limit}: the last tenth of the training photos ({@link Holdout}) in the
     * split seed's shuffle. A {@code train/} folder's photos are shuffled by the split seed too, since sorted by
     * name the last tenth could be one kind of scene.
     */
    public ImageSet validation(int limit) {
        return load(atMost(Holdout.validation(trainingInSplitOrder()), limit), size);
    }

    /**
     * {@code count} random crops of the training photos less the {@link #validation} ones, at many scales, as
     * model-sized images ({@link PhotoCrops}): the same for the same seed.
     */
    public ImageSet trainingCrops(int count, long seed) {
        return PhotoCrops.of(Holdout.training(trainingInSplitOrder()), count, size, seed, PHOTO_BUDGET);
    }

    private List<Path> trainingInSplitOrder() {
        List<Path> files = new ArrayList<>(files(Split.TRAIN));
        if (hasSplitFolders()) Collections.shuffle(files, new Random(splitSeed));
        return files;
    }

    private boolean hasSplitFolders() {
        return Files.isDirectory(folder.resolve("train")) && Files.isDirectory(folder.resolve("test"));
    }

    /** The photos of a split: a subfolder's sorted, or a flat folder's shuffled by the split seed and cut 80/20. */
    private List<Path> files(Split split) {
        if (hasSplitFolders()) return photosIn(folder.resolve(split.id()));
        List<Path> files = new ArrayList<>(photosIn(folder));
        if (files.size() < FEWEST_TO_SPLIT) {
            throw new DatasetException("the photo folder " + folder + " holds " + files.size() + " photo"
                    + (files.size() == 1 ? "" : "s") + ", and splitting a flat folder 80/20 into training and "
                    + "test photos needs at least " + FEWEST_TO_SPLIT + ": add photos, or put them in train/ "
                    + "and test/ subfolders");
        }
        Collections.shuffle(files, new Random(splitSeed));
        int cut = (int) Math.round(files.size() * TRAIN_FRACTION);
        return split == Split.TRAIN ? files.subList(0, cut) : files.subList(cut, files.size());
    }

    private static List<Path> atMost(List<Path> files, int limit) {
        return limit > 0 && files.size() > limit ? files.subList(0, limit) : files;
    }

    /** Every photo directly in {@code folder} (sorted by name), as model-sized squares. */
    public static ImageSet all(Path folder, int size, int limit) {
        return load(atMost(new ImageFolder(folder, size, SPLIT_SEED).photosIn(folder), limit), size);
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
        String tooSmall = "photos smaller than " + size + "x" + size + " pixels";
        String[] skippedAs = new String[files.size()];
        String[] why = new String[files.size()];
        IntStream.range(0, files.size()).parallel().forEach(i -> {
            try {
                BufferedImage image = PhotoReader.read(files.get(i), PHOTO_BUDGET);
                if (Math.min(image.getWidth(), image.getHeight()) < size) {
                    skippedAs[i] = tooSmall;
                    why[i] = image.getWidth() + "x" + image.getHeight();
                } else {
                    Planes.write(SquareImages.centreSquare(image, size), pixels, i);
                    ok[i] = true;
                }
            } catch (PhotoReader.UnusablePhotoException e) {
                skippedAs[i] = e.problem() == PhotoReader.Problem.TOO_LARGE ? TOO_LARGE : UNREADABLE;
                why[i] = e.detail();
            }
        });
        for (String group : List.of(UNREADABLE, TOO_LARGE, tooSmall)) warn(files, skippedAs, why, group);
        int kept = 0;
        for (boolean k : ok) if (k) kept++;
        if (kept == 0) {
            throw new DatasetException("none of the " + files.size() + " files in "
                    + files.get(0).getParent() + " is a readable photo of at least " + size + "x" + size + " pixels");
        }
        return new ImageSet(compact(pixels, ok, kept, per), null, size, List.of());
    }

    /** One warning for the files skipped as {@code group}, naming the first few with why. */
    private static void warn(List<Path> files, String[] skippedAs, String[] why, String group) {
        List<String> named = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < files.size(); i++) {
            if (!group.equals(skippedAs[i])) continue;
            if (count++ < NAMED) named.add(files.get(i).getFileName() + " (" + why[i] + ")");
        }
        if (count == 0) return;
        LOG.warn("skipped {} of {} {} in {}: {}{}", count, files.size(), group, files.get(0).getParent(),
                String.join(", ", named), count > NAMED ? " and " + (count - NAMED) + " more" : "");
    }

    /** The images marked {@code ok}, in their order, {@code per} bytes each. */
    static byte[] compact(byte[] pixels, boolean[] ok, int kept, int per) {
        if (kept == ok.length) return pixels;
        byte[] out = new byte[kept * per];
        for (int i = 0, j = 0; i < ok.length; i++) {
            if (ok[i]) System.arraycopy(pixels, i * per, out, j++ * per, per);
        }
        return out;
    }
}
