package org.contextencoder.cli;

import org.contextencoder.eval.InferenceOptions;
import picocli.CommandLine.Option;

/** The options of the commands that run a model, for what is done around it at inference. */
final class InferenceOption {

    @Option(names = "--tta", defaultValue = "none", paramLabel = "none|flip",
            description = "Test-time averaging: flip averages the prediction on the image and, mirrored back, on its "
                    + "mirror image (default: ${DEFAULT-VALUE}).")
    String tta;

    @Option(names = "--blend", defaultValue = "none", paramLabel = "none|poisson",
            description = "How the prediction goes into the hole: poisson keeps its detail but takes its level from "
                    + "the pixels around the hole, so it leaves no lighter or darker square "
                    + "(default: ${DEFAULT-VALUE}).")
    String blend;

    /** The options chosen, each value refused in one sentence unless it is one of the two allowed. */
    InferenceOptions value() {
        return new InferenceOptions(choice("--tta", tta, "flip"), choice("--blend", blend, "poisson"));
    }

    private static boolean choice(String option, String value, String on) {
        String v = value.trim();
        if (v.equalsIgnoreCase("none")) return false;
        if (v.equalsIgnoreCase(on)) return true;
        throw new IllegalArgumentException(option + " must be none or " + on + ", not '" + value + "'");
    }
}
