package org.contextencoder.experiment;

import org.contextencoder.data.ImageSet;

/** An experiment's training and test images, with where they came from and a checksum of the source files. */
public record Datasets(ImageSet train, ImageSet test, String source, String checksum) {
}
