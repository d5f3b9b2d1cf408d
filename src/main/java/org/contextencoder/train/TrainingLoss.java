package org.contextencoder.train;

import org.contextencoder.io.Names;
import org.contextencoder.model.Discriminator;
import org.contextencoder.model.InpaintingModel;
import org.contextencoder.model.PatchDiscriminator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run's generator learns from, and so the step the trainer runs: the paper's L2 (masked MSE), or the joint
 * loss of Pathak et al., {@code (1 - w) L2 + w adversarial} against a discriminator of the chosen kind, trained as
 * they did (Adam with beta1 0.5 for both networks, the discriminator at a tenth of the generator's rate). Its
 * settings are recorded with the run and must match on resume; L2 has none, so runs from before the choice existed
 * keep their settings.
 */
public record TrainingLoss(Kind kind, double adversarialWeight, Discriminator.Choice discriminator)
        implements TrainingStep.Factory {

    public enum Kind {
        L2, JOINT;

        /** The name on the command line and in {@code config.properties}. */
        public String id() {
            return Names.of(this);
        }

        public static Kind parse(String name) {
            return Names.parse(Kind.class, "loss", name);
        }
    }

    /** Pathak et al.'s adversarial weight. */
    public static final double PATHAK_WEIGHT = 0.001;

    /** The paper's. */
    public static final TrainingLoss L2 = new TrainingLoss(Kind.L2, 0, null);

    public TrainingLoss {
        if (kind == Kind.JOINT) {
            JointStep.requireWeight(adversarialWeight);
            if (discriminator == null) throw new IllegalArgumentException("the joint loss needs a discriminator");
        } else if (adversarialWeight != 0 || discriminator != null) {
            throw new IllegalArgumentException("the L2 loss has no adversarial term: an adversarial weight and a"
                    + " discriminator belong to the joint loss");
        }
    }

    /** The joint loss with weight {@code w} on the adversarial term. */
    public static TrainingLoss joint(double w, Discriminator.Choice discriminator) {
        return new TrainingLoss(Kind.JOINT, w, discriminator);
    }

    /** Refuses training settings this loss cannot train with, before anything is written. */
    public void requireFits(TrainingConfig config) {
        if (kind == Kind.JOINT) JointStep.requireAdam(config.optimizer());
    }

    @Override
    public TrainingStep start(InpaintingModel model, TrainingConfig config) {
        return kind == Kind.L2 ? TrainingStep.L2.start(model, config)
                : JointStep.start(model, config, adversarialWeight, discriminator);
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        if (kind == Kind.L2) return m;
        m.put("loss", kind.id());
        m.put("adv_weight", Double.toString(adversarialWeight));
        m.put("discriminator", discriminator.id());
        m.put("adam_beta1", Double.toString(PatchDiscriminator.BETA1));
        m.put("discriminator_lr_ratio", Double.toString(PatchDiscriminator.RATE_RATIO));
        return m;
    }
}
