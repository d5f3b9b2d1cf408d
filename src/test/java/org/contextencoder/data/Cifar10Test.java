package org.contextencoder.data;

import org.contextencoder.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Cifar10Test {

    private static Cifar10 cifar;

    @BeforeAll
    static void open() {
        cifar = Cifar10.openFolder(SharedData.cifar());
    }

    @Test
    void parsesTheOfficialLayoutWithLabelsAndPixelsInOrder() {
        ImageSet train = cifar.split(Split.TRAIN);
        ImageSet test = cifar.split(Split.TEST);
        assertEquals(50_000, train.count());
        assertEquals(10_000, test.count());
        assertEquals(List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"),
                cifar.classNames());
        int[] firstTrain = new int[10];
        int[] firstTest = new int[10];
        for (int i = 0; i < 10; i++) {
            firstTrain[i] = train.label(i);
            firstTest[i] = test.label(i);
        }
        assertArrayEquals(new int[]{6, 9, 9, 4, 1, 1, 2, 7, 8, 3}, firstTrain);
        assertArrayEquals(new int[]{3, 8, 8, 0, 6, 6, 1, 6, 3, 1}, firstTest);
        // train[0] begins R 59 43 50, G 62 46 48, B 63 45 43 (the official pixels).
        assertEquals(59, train.pixel(0, 0, 0, 0));
        assertEquals(43, train.pixel(0, 0, 0, 1));
        assertEquals(50, train.pixel(0, 0, 0, 2));
        assertEquals(62, train.pixel(0, 1, 0, 0));
        assertEquals(63, train.pixel(0, 2, 0, 0));
    }

    @Test
    void selectsClassesByNameAndLimitsCounts() {
        ImageSet trucks = cifar.split(Split.TRAIN, List.of("truck"), 0);
        assertEquals(5_000, trucks.count());
        for (int i = 0; i < trucks.count(); i++) assertEquals(9, trucks.label(i));
        assertEquals(1_000, cifar.split(Split.TEST, List.of("truck"), 0).count());
        assertEquals(100, cifar.split(Split.TEST, List.of("truck", "ship"), 100).count());
        DatasetException e = assertThrows(DatasetException.class, () -> cifar.split(Split.TEST, List.of("lorry"), 0));
        assertTrue(e.getMessage().contains("lorry") && e.getMessage().contains("truck"), e.getMessage());
    }

    @Test
    void aTruncatedBatchIsReportedWithWhatToDo(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve(Cifar10.FOLDER);
        Files.createDirectories(copy);
        for (String name : List.of("batches.meta.txt", "test_batch.bin")) {
            Files.copy(SharedData.cifar().resolve(name), copy.resolve(name));
        }
        try (var channel = Files.newByteChannel(copy.resolve("test_batch.bin"), StandardOpenOption.WRITE)) {
            channel.truncate(1_000_000);
        }
        DatasetException e = assertThrows(DatasetException.class, () -> Cifar10.openFolder(copy).split(Split.TEST));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("download it again"), e.getMessage());
    }

    @Test
    void aMissingFolderSaysHowToGetIt(@TempDir Path dir) {
        DatasetException e = assertThrows(DatasetException.class, () -> Cifar10.openFolder(dir.resolve("nothing")));
        assertTrue(e.getMessage().contains("download"), e.getMessage());
    }

    @Test
    void theMeanColourIsThatOfTheData() {
        float[] mean = cifar.split(Split.TRAIN).meanColour();
        // The data README's statistics for this copy: (0.4913, 0.4821, 0.4465).
        assertEquals(0.4913, mean[0], 5e-4);
        assertEquals(0.4821, mean[1], 5e-4);
        assertEquals(0.4465, mean[2], 5e-4);
    }

    @Test
    void aDataFolderThatIsAFileIsNamedAsTheCauseNotTheNetwork(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("data"), "not a folder");
        DatasetException root = assertThrows(DatasetException.class, () -> Cifar10.open(file));
        assertTrue(root.getMessage().contains("the data folder " + file + " is a file, not a folder"),
                root.getMessage());
        DatasetException below = assertThrows(DatasetException.class, () -> Cifar10.open(file.resolve("cifar")));
        assertTrue(below.getMessage().startsWith("cannot create files in the data folder " + file.resolve("cifar")),
                below.getMessage());
        assertFalse(root.getMessage().contains("network") || below.getMessage().contains("network"));
    }
}
