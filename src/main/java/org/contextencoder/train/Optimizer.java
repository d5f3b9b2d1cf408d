package org.contextencoder.train;

import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.Locale;

/** The optimizers of the paper's section 3.4, with the defaults of the Keras/PyTorch versions it used. */
public enum Optimizer {
    SGD, ADAM, ADAMW, RMSPROP;

    /** AdamW's decoupled weight decay: PyTorch's default coefficient. */
    public static final double ADAMW_WEIGHT_DECAY = 0.01;

    public IUpdater updater(double learningRate) {
        return switch (this) {
            case SGD -> new Sgd(learningRate);
            case ADAM, ADAMW -> new Adam(learningRate);
            // rho 0.9, epsilon 1e-7: Keras's RMSprop defaults (DL4J's own epsilon is 1e-8, rho 0.95).
            case RMSPROP -> new RmsProp(learningRate, 0.9, 1e-7);
        };
    }

    /** AdamW is Adam plus decoupled weight decay, which DL4J applies after the updater. */
    public double weightDecay() {
        return this == ADAMW ? ADAMW_WEIGHT_DECAY : 0;
    }

    public static Optimizer parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown optimizer '" + name + "': use sgd, adam, adamw or rmsprop");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
