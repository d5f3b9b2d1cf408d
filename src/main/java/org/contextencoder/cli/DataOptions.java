package org.contextencoder.cli;

import org.contextencoder.data.DataRoot;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --data-dir} option every command shares. */
public final class DataOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Dataset root (default: property workbench.data, env WORKBENCH_DATA, else data/).")
    Path dataDir;

    public Path root() {
        return DataRoot.resolve(dataDir);
    }
}
