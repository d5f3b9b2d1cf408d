package org.contextencoder.experiment;

import org.contextencoder.model.InpaintingModel;
import org.contextencoder.train.LossHistory;
import org.contextencoder.viz.ResultTable;

import java.nio.file.Path;

/** A finished run: its folder, the best model, its loss history and its scores beside the baselines. */
public record RunReport(Path folder, InpaintingModel model, LossHistory history, ResultTable metrics,
                        Datasets data, boolean stoppedEarly) {
}
