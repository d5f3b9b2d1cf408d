package org.contextencoder.experiment;

import org.contextencoder.model.InpaintingModel;
import org.contextencoder.model.ModelFile;
import org.contextencoder.train.LossHistory;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;

/** Reading a finished run's folder, with a message naming what to run when it is not there. */
public final class Runs {

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

    private static Path require(Path folder, String file) {
        Path p = folder.resolve(file);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("no " + file + " in " + folder + ": run the notebook (or the train command) "
                    + "that writes " + folder.getFileName() + " first");
        }
        return p;
    }
}
