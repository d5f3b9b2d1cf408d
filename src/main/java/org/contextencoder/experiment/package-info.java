/**
 * The paper's experiments as code: their settings, one run from data to results in its folder (with a manifest
 * saying what it came from), the optimizer sweep, Table 1, the adversarial study and its weight sweep, comparisons
 * of runs, the notebooks' scale and saved figures. May use {@code backend} (to give back memory after training),
 * {@code data}, {@code eval}, {@code io}, {@code mask}, {@code model}, {@code train}, {@code viz}.
 */
package org.contextencoder.experiment;
