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
    public static final InferenceOptions FLIP = new InferenceOptions(true, false);
    public static final InferenceOptions POISSON = new InferenceOptions(false, true);
    public static final InferenceOptions BOTH = new InferenceOptions(true, true);
    /** Every combination, for choosing one on validation images. */
    public static final List<InferenceOptions> ALL = List.of(NONE, FLIP, POISSON, BOTH);

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
