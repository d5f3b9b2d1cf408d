package org.contextencoder.experiment;

import org.contextencoder.data.ImageFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The seed that split a run's flat photo folder into training and test photos, so that a command scoring the run's
 * test split scores the photos the run held out. A run records it in {@code manifest.properties} under
 * {@value #KEY}; a run written before that key existed split by its training seed ({@code seed}); without a run,
 * or for a folder with {@code train/} and {@code test/} subfolders, it is {@link ImageFolder#SPLIT_SEED}.
 */
public final class PhotoSplitSeed {

    public static final String KEY = "photo_split_seed";

    private PhotoSplitSeed() {
    }

    /** The split seed of the run in {@code runFolder}, or the default when the folder holds no run's manifest. */
    public static long of(Path runFolder) {
        Path file = runFolder.resolve("manifest.properties");
        if (!Files.isRegularFile(file)) return ImageFolder.SPLIT_SEED;
        Map<String, String> manifest = Manifest.read(file).entries();
        String seed = manifest.getOrDefault(KEY, manifest.get("seed"));
        try {
            return seed == null ? ImageFolder.SPLIT_SEED : Long.parseLong(seed.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " records the split seed '" + seed + "', which is not a "
                    + "whole number: correct it to the seed the run was trained with (" + ImageFolder.SPLIT_SEED
                    + " for runs of this version)");
        }
    }
}
