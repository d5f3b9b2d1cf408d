package org.contextencoder.experiment;

import org.contextencoder.model.InpaintingModel;
import org.contextencoder.train.LossHistory;
import org.contextencoder.viz.ResultTable;

import java.nio.file.Path;

/**
 * What {@link RunPipeline#train} returns: the run's folder, its best model, its loss history, its scores beside the
 * baselines and the images it used.
 */
public record TrainedRun(Path folder, InpaintingModel model, LossHistory history, ResultTable metrics,
                        Datasets data, boolean stoppedEarly) {
}
