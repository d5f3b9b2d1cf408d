package org.contextencoder.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where datasets live: the {@code --data-dir} option if given, else the system property {@code workbench.data},
 * else the environment variable {@code WORKBENCH_DATA}, else the {@code data/} folder of the working directory
 * or, where there is none, of its parent (notebooks run in {@code notebooks/}, beside {@code data/}).
 */
public final class DataRoot {

    public static final String PROPERTY = "workbench.data";
    public static final String ENVIRONMENT = "WORKBENCH_DATA";

    private DataRoot() {
    }

    public static Path resolve(Path explicit) {
        if (explicit != null) return explicit;
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) return Path.of(property);
        String env = System.getenv(ENVIRONMENT);
        if (env != null && !env.isBlank()) return Path.of(env);
        Path here = Path.of("data");
        Path parent = Path.of("..", "data");
        return !Files.isDirectory(here) && Files.isDirectory(parent) ? parent : here;
    }

    public static Path resolve() {
        return resolve(null);
    }

    /**
     * Refuses a data root that is a file: otherwise its datasets look missing, and CIFAR-10's download fails with
     * an error that blames the network.
     */
    public static void requireFolder(Path root) {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new DatasetException("the data folder " + root + " is a file, not a folder: point --data-dir (or "
                    + ENVIRONMENT + ") at the folder that holds cifar-10-batches-bin/ and scenes/, or at an empty one "
                    + "to download CIFAR-10 into");
        }
    }
}
