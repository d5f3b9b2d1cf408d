package org.contextencoder.experiment;

import org.contextencoder.model.InpaintingModel;
import org.contextencoder.model.ModelFile;
import org.contextencoder.train.LossHistory;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reading a finished run's folder, with a message naming what to run when it is not there. */
public final class Runs {

    /** Which notebook writes each of the notebooks' run folders, for the message when one is missing. */
    static final Map<String, String> NOTEBOOKS = Map.of(
            "general", "01-general-class.ipynb",
            "truck", "02-truck.ipynb",
            "landmark", "03-landmark.ipynb",
            "landmark-hole64", "03-landmark.ipynb",
            "sweep", "05-optimizer-sweep.ipynb",
            "truck-unet32", "07-beyond-the-paper.ipynb",
            "general-unet32", "07-beyond-the-paper.ipynb");

    private Runs() {
    }

    public static InpaintingModel model(Path folder) {
        return ModelFile.load(require(folder, "model.zip"));
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
            String name = String.valueOf(folder.getFileName());
            String notebook = NOTEBOOKS.get(name);
            throw new IllegalStateException("no " + file + " in " + folder + ": run "
                    + (notebook != null ? "notebooks/" + notebook : "the notebook")
                    + " (or the train command with --out " + folder + ") first; it writes " + name);
        }
        return p;
    }
}
