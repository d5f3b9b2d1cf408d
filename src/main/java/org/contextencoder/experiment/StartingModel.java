package org.contextencoder.experiment;

import org.contextencoder.mask.HoleFill;
import org.contextencoder.model.Architecture;
import org.contextencoder.model.InpaintingModel;
import org.contextencoder.model.ModelFile;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A finished model a run starts its generator from ({@code --init-from DIR/model.zip}) instead of new weights: on two
 * CPU cores, fine-tuning an L2 model with the joint loss is the cheap way to an adversarial one. Only the weights
 * come from the file (and the hole fill they were trained with); the optimizer, its rate and its state are the new
 * run's. The file is read whole when it is named, so a missing or damaged one is refused before anything is
 * written, and the run records its path and SHA-256.
 */
public record StartingModel(Path file, String sha256, Architecture architecture, int hole, HoleFill fill) {

    public static final String KEY = "init_from";
    public static final String SHA256_KEY = "init_from_sha256";

    public static StartingModel of(Path file) {
        Path f = file.toAbsolutePath().normalize();
        InpaintingModel model = ModelFile.load(f);
        return new StartingModel(f, Checksums.ofFile(f), model.architecture(), model.holeSize(), model.fill());
    }

    /** Refuses a run whose network, hole or hole fill differ from the model's, in one sentence. */
    public void requireFits(Architecture runArchitecture, int runHole, HoleFill.Choice runFill) {
        if (runArchitecture != architecture || runHole != hole || !runFill.made(fill)) {
            throw new IllegalArgumentException(file + " holds a " + architecture.id() + " model of " + hole
                    + " px holes with the " + fillName() + " fill, and this run trains a " + runArchitecture.id()
                    + " model of " + runHole + " px holes with the " + runFill.id() + " fill: start from a model"
                    + " with the run's architecture, hole and fill, or give the run the model's");
        }
    }

    private String fillName() {
        return Arrays.stream(HoleFill.Choice.values()).filter(c -> c.made(fill)).map(HoleFill.Choice::id).findFirst()
                .orElse(fill.describe());
    }

    /** {@code fresh} (the run's new network, with its optimizer) with the file's weights and hole fill. */
    public InpaintingModel into(InpaintingModel fresh) {
        if (!Checksums.ofFile(file).equals(sha256)) {
            throw new IllegalArgumentException(file + " has changed since the run was set up from it: set the run up"
                    + " again to start from the model it holds now");
        }
        InpaintingModel trained = ModelFile.load(file);
        fresh.graph().setParams(trained.graph().params());
        return new InpaintingModel(fresh.graph(), fresh.architecture(), fresh.holeSize(), trained.fill());
    }

    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(KEY, file.toString());
        m.put(SHA256_KEY, sha256);
        return m;
    }
}
