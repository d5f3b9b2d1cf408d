package org.contextencoder.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * CIFAR-10 in its official binary layout: {@code data_batch_1..5.bin} (train), {@code test_batch.bin} and
 * {@code batches.meta.txt}. Each record is one label byte then 3072 pixel bytes (R, G, B planes of 32x32),
 * which is exactly {@link ImageSet}'s layout, so parsing is one array copy per record.
 */
public final class Cifar10 {

    public static final String FOLDER = "cifar-10-batches-bin";
    public static final int SIZE = 32;
    public static final int RECORD_BYTES = 1 + ImageSet.CHANNELS * SIZE * SIZE;
    public static final int RECORDS_PER_FILE = 10_000;
    static final List<String> TRAIN_FILES = List.of(
            "data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    static final List<String> TEST_FILES = List.of("test_batch.bin");
    /** Images in the training split. */
    public static final int TRAIN_IMAGES = TRAIN_FILES.size() * RECORDS_PER_FILE;
    static final String META_FILE = "batches.meta.txt";

    private final Path folder;
    private final List<String> classNames;
    private final Map<Split, ImageSet> parsed = new EnumMap<>(Split.class);

    private Cifar10(Path folder, List<String> classNames) {
        this.folder = folder;
        this.classNames = classNames;
    }

    /** CIFAR-10 under {@code dataRoot}, downloaded (with checksum) first if the folder is not there. */
    public static Cifar10 open(Path dataRoot) {
        DataRoot.requireFolder(dataRoot);
        Path folder = dataRoot.resolve(FOLDER);
        if (!Files.isDirectory(folder)) Cifar10Download.official().into(dataRoot);
        return openFolder(folder);
    }

    /** CIFAR-10 in exactly this folder; never downloads. */
    public static Cifar10 openFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new DatasetException("CIFAR-10 folder " + folder + " does not exist: run any workbench command "
                    + "with --data-dir pointing at its parent to download it, or copy the official binary files there");
        }
        Path meta = folder.resolve(META_FILE);
        List<String> names;
        try {
            names = Files.readAllLines(meta).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new DatasetException("cannot read " + meta + " (" + e.getMessage()
                    + "): the CIFAR-10 folder is incomplete; delete it and download again", e);
        }
        if (names.size() != 10) {
            throw new DatasetException(meta + " lists " + names.size() + " class names instead of 10: "
                    + "the CIFAR-10 folder is damaged; delete it and download again");
        }
        return new Cifar10(folder, names);
    }

    public List<String> classNames() {
        return classNames;
    }

    public Path folder() {
        return folder;
    }

    /** All images of a split, in the official record order. Parsed once, then kept. */
    public synchronized ImageSet split(Split split) {
        return parsed.computeIfAbsent(split, s -> parse(s == Split.TRAIN ? TRAIN_FILES : TEST_FILES));
    }

    /**
     * The images of the named classes (all classes when {@code classes} is empty), in official order, at most
     * {@code limit} of them (no limit when {@code limit <= 0}).
     */
    public ImageSet split(Split split, List<String> classes, int limit) {
        ImageSet all = split(split);
        ImageSet chosen = classes.isEmpty() ? all : all.withLabels(classIndices(classes));
        return limit > 0 ? chosen.limit(limit) : chosen;
    }

    int[] classIndices(List<String> classes) {
        int[] indices = new int[classes.size()];
        for (int i = 0; i < classes.size(); i++) {
            indices[i] = classNames.indexOf(classes.get(i).trim());
            if (indices[i] < 0) {
                throw new DatasetException("unknown CIFAR-10 class '" + classes.get(i) + "': choose from "
                        + String.join(", ", classNames));
            }
        }
        return indices;
    }

    private ImageSet parse(List<String> files) {
        int perImage = RECORD_BYTES - 1;
        byte[] pixels = new byte[files.size() * RECORDS_PER_FILE * perImage];
        int[] labels = new int[files.size() * RECORDS_PER_FILE];
        int n = 0;
        for (String name : files) {
            byte[] raw = readBatch(folder.resolve(name));
            for (int r = 0; r < RECORDS_PER_FILE; r++, n++) {
                int offset = r * RECORD_BYTES;
                int label = raw[offset];
                if (label < 0 || label >= classNames.size()) {
                    throw new DatasetException(folder.resolve(name) + " record " + r + " has label " + label
                            + ", outside 0..9: the file is damaged; delete the CIFAR-10 folder and download again");
                }
                labels[n] = label;
                System.arraycopy(raw, offset + 1, pixels, n * perImage, perImage);
            }
        }
        return new ImageSet(pixels, labels, SIZE, new ArrayList<>(classNames));
    }

    private static byte[] readBatch(Path file) {
        long expected = (long) RECORD_BYTES * RECORDS_PER_FILE;
        try {
            long actual = Files.size(file);
            if (actual != expected) {
                throw new DatasetException(file + " has " + actual + " bytes instead of " + expected
                        + " (10,000 records of 3,073 bytes): it is truncated or not a CIFAR-10 batch; "
                        + "delete the CIFAR-10 folder and download it again");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DatasetException("cannot read " + file + " (" + e + "): the CIFAR-10 folder is incomplete; "
                    + "delete it and download again", e);
        }
    }
}
