package org.contextencoder.train;

import org.contextencoder.model.InpaintingModel;

/**
 * What a run leaves: the model of its best epoch (lowest validation loss), the full history, and whether it
 * stopped because validation loss had stopped improving.
 */
public record TrainingResult(InpaintingModel bestModel, LossHistory history, boolean stoppedEarly) {

    public int bestEpoch() {
        return history.best().epoch();
    }
}
