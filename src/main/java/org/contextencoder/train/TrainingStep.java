package org.contextencoder.train;

import org.contextencoder.model.InpaintingModel;

import java.util.Map;
import java.util.Optional;

/**
 * What the trainer does with one batch: update the network and say what the batch's losses were. The trainer keeps
 * everything around it (the order of the images, epochs, validation, checkpoints, early stopping, the learning
 * rate); a step keeps the loss and any state besides the model's own (a second network and its optimizer state),
 * which the checkpoint saves and a resumed run restores through {@link #state()}, and follows the trainer's learning
 * rate ({@link #learningRate}) and its check for divergence ({@link #diverged()}) with any network of its own.
 */
public interface TrainingStep {

    /** Makes the step for a model, fresh or resumed from a checkpoint, trained with these settings. */
    @FunctionalInterface
    interface Factory {
        TrainingStep start(InpaintingModel model, TrainingConfig config);

        /**
         * The settings that define the step beyond the {@link TrainingConfig}, by name: saved with every checkpoint
         * and compared on resume. None for L2, so runs from before steps had settings still resume.
         */
        default Map<String, String> settings() {
            return Map.of();
        }
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

    /**
     * The generator's learning rate for the coming epoch, said before every epoch (the trainer sets the generator's
     * own): a step with a network of its own keeps that network's rate in step with it.
     */
    default void learningRate(double rate) {
    }

    /**
     * What of the step's own state has stopped being finite, as "the discriminator's weights", checked with the
     * generator's weights after every epoch; empty while all is finite (always, for a step without state).
     */
    default Optional<String> diverged() {
        return Optional.empty();
    }
}
