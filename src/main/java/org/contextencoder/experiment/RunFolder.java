package org.contextencoder.experiment;

import org.contextencoder.model.InpaintingModel;
import org.contextencoder.model.ModelFile;
import org.contextencoder.train.LossHistory;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A finished run's folder, as {@link RunPipeline} leaves it: its model, loss history, scores and manifest, each
 * read with a message saying to train the run first when it is not there.
 */
public final class RunFolder {

    private RunFolder() {
    }

    public static InpaintingModel model(Path folder) {
        return ModelFile.load(modelFile(folder));
    }

    /** The file of the run's model, e.g. for another run to start from ({@link RunSpec#withInitFrom}). */
    public static Path modelFile(Path folder) {
        return require(folder, "model.zip");
    }

    public static LossHistory history(Path folder) {
        return LossHistory.read(require(folder, "history.csv"));
    }

    public static Table metrics(Path folder) {
        return Table.read().csv(require(folder, "metrics.csv").toFile());
    }

    /** The run's {@code manifest.properties}: seed, settings, versions, commit and data checksum. */
    public static Manifest manifest(Path folder) {
        return Manifest.read(require(folder, "manifest.properties"));
    }

    /**
     * The manifests of the runs one result came from: a single run's as it is; several runs' entries prefixed
     * with their folder names ({@code landmark.hole=32}, {@code landmark-hole64.hole=64}), since they share keys.
     */
    public static Manifest manifest(List<Path> folders) {
        if (folders.size() == 1) return manifest(folders.get(0));
        Manifest combined = new Manifest();
        for (Path folder : folders) {
            String prefix = folder.getFileName() + ".";
            manifest(folder).entries().forEach((k, v) -> combined.put(prefix + k, v));
        }
        return combined;
    }

    private static Path require(Path folder, String file) {
        Path p = folder.resolve(file);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("no " + file + " in " + folder + ": train that run first (the train"
                    + " command with --out " + folder + ", or the notebook that trains it)");
        }
        return p;
    }
}
