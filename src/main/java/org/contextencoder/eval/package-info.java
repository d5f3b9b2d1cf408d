/**
 * Scoring: anything that fills holes is an {@link org.contextencoder.eval.Inpainter} (a model, or a
 * {@link org.contextencoder.eval.Baseline}), scored by the {@code Evaluator} with its metrics; {@code PhotoRepair}
 * repairs a user's photo. May use {@code data}, {@code mask}, {@code model}.
 */
package org.contextencoder.eval;
