package org.contextencoder.experiment;

import org.contextencoder.data.ImageSet;

import java.nio.file.Path;

/**
 * An experiment's training and test images, with where they came from: {@code source} describes them,
 * {@code folder} holds the files they were read from.
 */
public record Datasets(ImageSet train, ImageSet test, String source, Path folder) {

    /** SHA-256 over the source files; computed on demand, since only a run's manifest needs it. */
    public String checksum() {
        return Checksums.ofTree(folder);
    }
}
