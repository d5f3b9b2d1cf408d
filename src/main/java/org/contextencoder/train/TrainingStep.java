package org.contextencoder.train;

import org.contextencoder.model.InpaintingModel;

import java.util.Map;

/**
 * What the trainer does with one batch: update the network and say what the batch's losses were. The trainer keeps
 * everything around it (the order of the images, epochs, validation, checkpoints, early stopping, the learning
 * rate); a step keeps the loss and any state besides the model's own (a second network and its optimizer state),
 * which the checkpoint saves and a resumed run restores through {@link #state()}.
 */
public interface TrainingStep {

    /** Makes the step for a model, fresh or resumed from a checkpoint, trained with these settings. */
    @FunctionalInterface
    interface Factory {
        TrainingStep start(InpaintingModel model, TrainingConfig config);
    }

    /** The paper's: the model's own masked MSE, which its loss layer computes. */
    Factory L2 = L2Step::new;

    /** Trains on one batch and returns its losses, each a mean per pixel without any weight-decay penalty. */
    BatchLosses fit(Batch batch);

    /**
     * What a resumed run needs besides the model's weights and optimizer state, by name (lower case): each part is
     * saved with every checkpoint, committed with its epoch, and restored before the run goes on. None for L2.
     */
    default Map<String, StepState> state() {
        return Map.of();
    }
}
