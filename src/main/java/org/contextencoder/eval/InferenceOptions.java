package org.contextencoder.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * What is done around a model at inference, each one {@link Inpainter} around the next: test-time flip averaging
 * ({@link FlipAveraging}), then Poisson compositing of the averaged prediction ({@link PoissonBlend}).
 */
public record InferenceOptions(boolean flip, boolean poisson) {

    /** The model's prediction as it is. */
    public static final InferenceOptions NONE = new InferenceOptions(false, false);
    /** Every combination, for choosing one on validation images. */
    public static final List<InferenceOptions> ALL = List.of(NONE, new InferenceOptions(true, false),
            new InferenceOptions(false, true), new InferenceOptions(true, true));

    /** {@code method} with these options around it. */
    public Inpainter around(Inpainter method) {
        Inpainter out = flip ? new FlipAveraging(method) : method;
        return poisson ? new PoissonBlend(out) : out;
    }

    /** "none", "flip", "poisson" or "flip+poisson": for tables and manifests. */
    public String describe() {
        List<String> on = new ArrayList<>();
        if (flip) on.add("flip");
        if (poisson) on.add("poisson");
        return on.isEmpty() ? "none" : String.join("+", on);
    }
}
