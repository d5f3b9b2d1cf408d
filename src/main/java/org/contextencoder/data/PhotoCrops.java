package org.contextencoder.data;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Random square pieces of photos at many scales, each shrunk to the model's size: training images more varied than
 * CIFAR-10's. Crop k comes from a photo drawn by the seed, with a side drawn log-uniformly between the model's size
 * (a piece at full resolution) and the photo's short side (the whole photo shrunk), at a random place; all of it is
 * drawn before any photo is read, so the crops depend on the seed alone. Each photo is decoded once, for all its
 * crops. A photo that cannot be read or is smaller than the model's size gives none, with a warning.
 */
final class PhotoCrops {

    private static final Logger LOG = LoggerFactory.getLogger(PhotoCrops.class);

    private PhotoCrops() {
    }

    /** {@code count} crops of {@code photos} as {@code size}-pixel images, fewer only if photos were skipped. */
    static ImageSet of(List<Path> photos, int count, int size, long seed, long photoBudget) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] photo = new int[count];
        double[] scale = new double[count];
        double[] across = new double[count];
        double[] down = new double[count];
        List<List<Integer>> cropsOf = new ArrayList<>();
        for (int p = 0; p < photos.size(); p++) cropsOf.add(new ArrayList<>());
        for (int k = 0; k < count; k++) {
            photo[k] = random.nextInt(photos.size());
            scale[k] = random.nextDouble();
            across[k] = random.nextDouble();
            down[k] = random.nextDouble();
            cropsOf.get(photo[k]).add(k);
        }
        int per = ImageSet.CHANNELS * size * size;
        byte[] pixels = new byte[count * per];
        boolean[] made = new boolean[count];
        IntStream.range(0, photos.size()).parallel().filter(p -> !cropsOf.get(p).isEmpty()).forEach(p -> {
            BufferedImage image;
            try {
                image = PhotoReader.read(photos.get(p), photoBudget);
            } catch (PhotoReader.UnusablePhotoException e) {
                return;
            }
            int w = image.getWidth();
            int h = image.getHeight();
            int shortSide = Math.min(w, h);
            if (shortSide < size) return;
            for (int k : cropsOf.get(p)) {
                int side = (int) Math.round(size * Math.pow((double) shortSide / size, scale[k]));
                int x = (int) (across[k] * (w - side + 1));
                int y = (int) (down[k] * (h - side + 1));
                Planes.write(SquareImages.resize(image.getSubimage(x, y, side, side), size), pixels, k);
                made[k] = true;
            }
        });
        int n = 0;
        for (boolean m : made) if (m) n++;
        if (n == 0) {
            throw new DatasetException("none of the " + photos.size() + " photos to crop is a readable photo of at least"
                    + " " + size + "x" + size + " pixels: point the data folder at readable photos");
        }
        if (n < count) {
            LOG.warn("{} of {} crops were to come from photos that cannot be read or are smaller than {} pixels: left"
                    + " out", count - n, count, size);
        }
        return new ImageSet(ImageFolder.compact(pixels, made, n, per), null, size, List.of());
    }
}
