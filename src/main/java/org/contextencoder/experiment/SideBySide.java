package org.contextencoder.experiment;

import org.contextencoder.data.ImageSet;
import org.contextencoder.eval.Baseline;
import org.contextencoder.eval.Evaluator;
import org.contextencoder.eval.Inpainter;
import org.contextencoder.eval.ModelInpainter;
import org.contextencoder.mask.Mask;
import org.contextencoder.viz.ResultTable;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * Trained models scored on the same images under the same mask, one row each, with harmonic fill below them:
 * the strongest baseline, what a learned model has to beat. Notebook 04 sets the general and the truck model
 * side by side this way.
 */
public final class SideBySide {

    private SideBySide() {
    }

    /**
     * Scored in batches of the models' inference batch (the smallest, should they differ), as each run scores its
     * own model: the same model on the same images gives the same figures here as in its run's metrics.
     */
    public static Table score(String title, String setting, String split, List<ModelInpainter> models,
                              ImageSet images, Mask mask) {
        if (models.isEmpty()) throw new IllegalArgumentException("give at least one model to score");
        List<Inpainter> methods = new ArrayList<>(models);
        methods.add(Baseline.harmonic());
        int batch = models.stream().mapToInt(m -> m.model().architecture().inferenceBatch()).min().getAsInt();
        return new ResultTable(title).add(setting, split, new Evaluator(batch).score(methods, images, mask)).table();
    }
}
