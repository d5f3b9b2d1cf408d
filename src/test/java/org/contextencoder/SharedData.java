package org.contextencoder;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real datasets beside the repository ({@code ../shared/data}), which tests and CI use. */
public final class SharedData {

    private SharedData() {
    }

    public static Path root() {
        Path root = Path.of(System.getProperty("workbench.test.data", "../shared/data")).toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(root.resolve("cifar-10-batches-bin")),
                "the real datasets are expected at " + root + " (set -Dworkbench.test.data=DIR to point elsewhere)");
        return root;
    }

    public static Path cifar() {
        return root().resolve("cifar-10-batches-bin");
    }

    public static Path scenes() {
        return root().resolve("scenes");
    }
}
