package org.contextencoder.data;

import org.contextencoder.ImageKeys;
import org.contextencoder.SharedData;
import org.contextencoder.TestPhotos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageFolderTest {

    @Test
    void readsTheSceneryPhotosCroppedAndResized() {
        ImageFolder scenes = new ImageFolder(SharedData.scenes(), 128, 1);
        ImageSet test = scenes.split(Split.TEST, 20);
        assertEquals(20, test.count());
        assertEquals(128, test.side());
        assertEquals(600, scenes.split(Split.TEST, 0).count());
        ImageSet small = new ImageFolder(SharedData.scenes(), 32, 1).split(Split.TRAIN, 5);
        assertEquals(32, small.side());
    }

    private static void photo(Path file, int w, int h, Color colour, int type) throws IOException {
        BufferedImage image = new BufferedImage(w, h, type);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, (w - Math.min(w, h)) / 2, h); // left margin a centre crop removes
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    @Test
    void aFlatFolderSplits80To20BySeedSkippingWhatCannotBeRead(@TempDir Path dir) throws IOException {
        for (int i = 0; i < 10; i++) {
            photo(dir.resolve("p" + i + ".png"), 60 + 10 * i, 50, new Color(200, 20 * i, 30), BufferedImage.TYPE_INT_RGB);
        }
        Files.writeString(dir.resolve("broken.png"), "not a picture");
        Files.writeString(dir.resolve("notes.txt"), "ignored: not a photo name");
        ImageFolder folder = new ImageFolder(dir, 32, 7);
        ImageSet train = folder.split(Split.TRAIN, 0);
        ImageSet test = folder.split(Split.TEST, 0);
        // 11 photo names: 9 go to train (80%), 2 to test; the broken one is skipped wherever it fell.
        assertEquals(10, train.count() + test.count());
        assertTrue(train.count() >= 8 && test.count() >= 1);
        // The centre crop removed the black margin: every pixel is the fill colour.
        assertEquals(200, train.pixel(0, 0, 16, 0), 2);
        ImageSet again = new ImageFolder(dir, 32, 7).split(Split.TEST, 0);
        assertEquals(test.pixel(0, 1, 5, 5), again.pixel(0, 1, 5, 5));
        ImageSet otherSeed = new ImageFolder(dir, 32, 8).split(Split.TEST, 0);
        assertNotEquals(pixelsOf(test), pixelsOf(otherSeed), "another seed gives another split");
    }

    /** The colour of each image of one colour (any other image fails the test). */
    private static List<Integer> solidColours(ImageSet set) {
        List<Integer> colours = new java.util.ArrayList<>();
        for (int i = 0; i < set.count(); i++) {
            int rgb = set.pixel(i, 0, 0, 0) << 16 | set.pixel(i, 1, 0, 0) << 8 | set.pixel(i, 2, 0, 0);
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < set.side(); y++) {
                    for (int x = 0; x < set.side(); x++) {
                        assertEquals(set.pixel(i, c, 0, 0), set.pixel(i, c, y, x), 1, "image " + i + " is one colour");
                    }
                }
            }
            colours.add(rgb);
        }
        return colours;
    }

    @Test
    void cropsComeFromTheTrainingPhotosLessTheValidationOnesAndFollowTheSeed(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("train"));
        Files.createDirectories(dir.resolve("test"));
        for (int i = 0; i < 20; i++) {
            photo(dir.resolve("train").resolve("t" + i + ".png"), 80, 100, new Color(10 * i, 100, 250 - 10 * i),
                    BufferedImage.TYPE_INT_RGB);
        }
        for (int i = 0; i < 5; i++) {
            photo(dir.resolve("test").resolve("s" + i + ".png"), 80, 100, new Color(250, 20 + 40 * i, 0),
                    BufferedImage.TYPE_INT_RGB);
        }
        ImageFolder folder = new ImageFolder(dir, 16, ImageFolder.SPLIT_SEED);
        ImageSet crops = folder.trainingCrops(300, 7);
        assertEquals(300, crops.count());
        assertEquals(16, crops.side());
        java.util.Set<Integer> training = new java.util.HashSet<>(solidColours(folder.trainingLessValidation(0)));
        java.util.Set<Integer> cropped = new java.util.HashSet<>(solidColours(crops));
        assertTrue(training.containsAll(cropped), "only training photos are cropped, not the validation ones "
                + solidColours(folder.validation(0)) + " nor the test ones");
        assertTrue(cropped.size() >= 15, "from most of the 18 training photos: " + cropped.size());
        assertEquals(ImageKeys.of(crops), ImageKeys.of(folder.trainingCrops(300, 7)), "the same for the same seed");
        assertNotEquals(ImageKeys.of(crops), ImageKeys.of(folder.trainingCrops(300, 8)));
    }

    /**
     * A pixel-sized checkerboard: a crop at full resolution keeps it, a large piece shrunk averages it to grey. Crops
     * of a file that is no photo are left out.
     */
    @Test
    void cropsRangeFromPiecesAtFullResolutionToTheWholePhotoShrunk(@TempDir Path dir) throws IOException {
        BufferedImage checker = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 120; y++) {
            for (int x = 0; x < 160; x++) checker.setRGB(x, y, (x + y) % 2 == 0 ? 0xFFFFFF : 0);
        }
        ImageIO.write(checker, "png", dir.resolve("checker.png").toFile());
        Files.writeString(dir.resolve("broken.png"), "not a picture");
        ImageSet crops = PhotoCrops.of(List.of(dir.resolve("checker.png"), dir.resolve("broken.png")), 400, 16, 3,
                Long.MAX_VALUE);
        assertTrue(crops.count() > 100 && crops.count() < 300, "the broken file's share is left out: " + crops.count());
        int sharp = 0;
        int grey = 0;
        for (int i = 0; i < crops.count(); i++) {
            int low = 255;
            int high = 0;
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    low = Math.min(low, crops.pixel(i, 0, y, x));
                    high = Math.max(high, crops.pixel(i, 0, y, x));
                }
            }
            if (high - low > 200) sharp++;
            if (high - low < 30) grey++;
        }
        assertTrue(sharp > crops.count() / 10 && grey > crops.count() / 10, sharp + " sharp and " + grey
                + " grey of " + crops.count());
    }

    private static String pixelsOf(ImageSet set) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < set.count(); i++) sb.append(set.pixel(i, 1, 3, 3)).append(',');
        return sb.toString();
    }

    @Test
    void greyPhotosBecomeRgbAndTooSmallOnesAreSkipped(@TempDir Path dir) throws IOException {
        photo(dir.resolve("grey.png"), 40, 40, new Color(90, 90, 90), BufferedImage.TYPE_BYTE_GRAY);
        photo(dir.resolve("tiny.png"), 16, 16, Color.RED, BufferedImage.TYPE_INT_RGB);
        ImageSet set = ImageFolder.all(dir, 32, 0);
        assertEquals(1, set.count());
        assertEquals(set.pixel(0, 0, 10, 10), set.pixel(0, 2, 10, 10));
        assertEquals(90, set.pixel(0, 1, 10, 10), 2);
    }

    @Test
    void anEmptyOrMissingFolderSaysWhatToDo(@TempDir Path dir) {
        DatasetException missing = assertThrows(DatasetException.class, () -> new ImageFolder(dir.resolve("x"), 32, 0));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        DatasetException empty = assertThrows(DatasetException.class, () -> ImageFolder.all(dir, 32, 0));
        assertTrue(empty.getMessage().contains("no .jpg"), empty.getMessage());
    }

    @Test
    void aFlatFolderTooSmallToSplitSaysHowManyItHasAndNeeds(@TempDir Path dir) throws IOException {
        TestPhotos.photo(dir.resolve("a.png"), 40, 40, 1);
        TestPhotos.photo(dir.resolve("b.png"), 40, 40, 2);
        ImageFolder folder = new ImageFolder(dir, 32, ImageFolder.SPLIT_SEED);
        DatasetException e = assertThrows(DatasetException.class, () -> folder.split(Split.TEST, 0));
        assertTrue(e.getMessage().contains("holds 2 photos") && e.getMessage().contains("needs at least 3"),
                e.getMessage());
        TestPhotos.photo(dir.resolve("c.png"), 40, 40, 3);
        assertEquals(2, folder.split(Split.TRAIN, 0).count());
        assertEquals(1, folder.split(Split.TEST, 0).count());
    }

    @Test
    void skippedFilesAreCountedAndNamedWithWhy(@TempDir Path dir) throws IOException {
        for (int i = 0; i < 3; i++) TestPhotos.photo(dir.resolve("good" + i + ".png"), 40, 40, i);
        TestPhotos.cutJpeg(dir.resolve("cut.jpg"));
        TestPhotos.pngDeclaring(dir.resolve("huge.png"), 100_000, 100_000);
        TestPhotos.photo(dir.resolve("tiny.png"), 16, 16, 9);
        for (int i = 0; i < 6; i++) Files.writeString(dir.resolve("text" + i + ".jpg"), "not a picture");
        ImageSet[] set = new ImageSet[1];
        String log = TestPhotos.stderrOf(() -> set[0] = ImageFolder.all(dir, 32, 0));
        assertEquals(3, set[0].count(), "only the whole, large enough photos: " + log);
        assertTrue(log.contains("skipped 7 of 12 files that could not be read as images in " + dir
                + ": cut.jpg (damaged or cut short: "), log);
        assertTrue(log.contains("text3.jpg (not a JPEG or PNG image) and 2 more"), log);
        assertTrue(log.contains("skipped 1 of 12 photos too large to decode in this memory in " + dir
                + ": huge.png (100000x100000 pixels)"), log);
        assertTrue(log.contains("skipped 1 of 12 photos smaller than 32x32 pixels in " + dir + ": tiny.png (16x16)"),
                log);
    }

    @Test
    void aFolderThatIsAFileSaysSo(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("photos.jpg"), "x");
        DatasetException e = assertThrows(DatasetException.class, () -> new ImageFolder(file, 32, 0));
        assertTrue(e.getMessage().contains("is a file, not a folder"), e.getMessage());
    }

    /**
     * A flat folder's validation photos are the last tenth of its training photos in the split seed's shuffle; a
     * train/ folder's are shuffled by the split seed too, so they are not the last photos by name.
     */
    @Test
    void theValidationPhotosAreTheLastTenthOfTheTrainingPhotosInTheSplitSeedsShuffle(@TempDir Path dir)
            throws IOException {
        Path flat = Files.createDirectories(dir.resolve("flat"));
        for (int i = 0; i < 20; i++) TestPhotos.photo(flat.resolve(String.format("p%02d.png", i)), 40, 40, i);
        ImageFolder folder = new ImageFolder(flat, 32, ImageFolder.SPLIT_SEED);
        List<String> training = ImageKeys.of(folder.split(Split.TRAIN, 0));
        List<String> validation = ImageKeys.of(folder.validation(0));
        assertEquals(16, training.size(), "80% of 20");
        assertEquals(training.subList(14, 16), validation, "the last 2 of the 16 training photos");
        assertEquals(training.subList(0, 14), ImageKeys.of(folder.trainingLessValidation(0)));
        assertEquals(training.subList(0, 5), ImageKeys.of(folder.trainingLessValidation(5)), "a limit after the cut");
        assertTrue(Collections.disjoint(validation, ImageKeys.of(folder.split(Split.TEST, 0))));
        assertEquals(validation, ImageKeys.of(new ImageFolder(flat, 32, ImageFolder.SPLIT_SEED).validation(0)),
                "the same photos every time");

        Path split = dir.resolve("split");
        Path train = Files.createDirectories(split.resolve("train"));
        Path test = Files.createDirectories(split.resolve("test"));
        for (int i = 0; i < 30; i++) TestPhotos.photo(train.resolve(String.format("a%02d.png", i)), 40, 40, i);
        for (int i = 0; i < 5; i++) TestPhotos.photo(test.resolve("t" + i + ".png"), 40, 40, 100 + i);
        ImageFolder folders = new ImageFolder(split, 32, ImageFolder.SPLIT_SEED);
        List<String> byName = ImageKeys.of(folders.split(Split.TRAIN, 0));
        List<String> held = ImageKeys.of(folders.validation(0));
        List<String> rest = ImageKeys.of(folders.trainingLessValidation(0));
        assertEquals(3, held.size());
        assertEquals(27, rest.size());
        assertNotEquals(byName.subList(27, 30), held, "not the last photos by name");
        assertTrue(Collections.disjoint(held, rest) && byName.containsAll(held) && byName.containsAll(rest));
        assertEquals(held, ImageKeys.of(new ImageFolder(split, 32, ImageFolder.SPLIT_SEED).validation(0)));
    }

    @Test
    void aTrainingSplitTooSmallToHoldOutValidationSaysWhatToDo() {
        assertEquals(1, Holdout.start(2));
        assertEquals(45_000, Holdout.start(50_000));
        assertEquals(4_500, Holdout.start(5_000));
        assertEquals(2_160, Holdout.start(2_400));
        DatasetException e = assertThrows(DatasetException.class, () -> Holdout.start(1));
        assertEquals("a validation split is held out of the training images, and 1 training image is too few: add"
                + " images, or validate on the test split (--validation test)", e.getMessage());
    }
}
