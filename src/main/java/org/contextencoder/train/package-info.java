/**
 * Training: the {@code Trainer} (epochs, validation, checkpoints, resume, early stop, NaN stop), its settings,
 * batches and loss history. May use {@code data}, {@code eval} (the validation loss), {@code io}, {@code mask},
 * {@code model}.
 */
package org.contextencoder.train;
