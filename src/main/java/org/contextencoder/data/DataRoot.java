package org.contextencoder.data;

import java.nio.file.Path;

/**
 * Where datasets live: the {@code --data-dir} option if given, else the system property {@code workbench.data},
 * else the environment variable {@code WORKBENCH_DATA}, else {@code data/} under the working directory.
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
        return Path.of("data");
    }

    public static Path resolve() {
        return resolve(null);
    }
}
