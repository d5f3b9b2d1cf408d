package org.contextencoder.experiment;

import org.contextencoder.data.ImageSet;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * An experiment's training, validation and test images, with where they came from: {@code validationSplit} says
 * whether the validation images are held out of the training split or are the test images themselves,
 * {@code source} describes them, {@code folder} holds the files they were read from, {@code photoSplitSeed} is the
 * seed that splits a flat photo folder (empty for CIFAR-10, whose split is the official one).
 */
public record Datasets(ImageSet train, ImageSet validation, ImageSet test, ValidationSplit validationSplit,
                       String source, Path folder, OptionalLong photoSplitSeed) {

    /** SHA-256 over the source files; computed on demand, since only a run's manifest needs it. */
    public String checksum() {
        return Checksums.ofTree(folder);
    }

    /**
     * What a run's manifest records about where its images came from: {@code data_source} and, for photos, the
     * split seed under {@link PhotoSplitSeed#KEY}, which evaluate reads back to score the same test photos.
     */
    public Map<String, String> manifestEntries() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("data_source", source);
        photoSplitSeed.ifPresent(seed -> entries.put(PhotoSplitSeed.KEY, Long.toString(seed)));
        return entries;
    }
}
