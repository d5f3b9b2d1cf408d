package org.contextencoder.cli;

import picocli.CommandLine.Option;

/** The {@code --limit} option of the commands that score images. */
final class LimitOption {

    @Option(names = "--limit", defaultValue = "0", description = "Score at most N images (0: all).")
    int limit;

    /** The limit, refused in one sentence when negative (it would otherwise read as "all"). */
    int value() {
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must be 0 (all images) or a positive number, not " + limit);
        }
        return limit;
    }
}
