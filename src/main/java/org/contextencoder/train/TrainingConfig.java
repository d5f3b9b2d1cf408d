package org.contextencoder.train;

import org.contextencoder.mask.HoleFill;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to train: the paper's defaults are Adam at 1e-3 with MSE. {@code patience} stops a run once the
 * validation loss has not improved for that many epochs (0: run all {@code epochs}); the best epoch's
 * weights are what the run keeps. {@code flip} mirrors a random half of the training images left to right in
 * every epoch (the paper does not augment; a mirrored photo is as natural as the original, and it doubles the
 * variety the model sees). {@code lrPatience > 0} halves the learning rate whenever validation has not improved
 * for that many epochs (0: a constant rate, the paper's); the rate of every epoch follows from the loss history
 * alone, so a resumed run continues at the rate it had. {@code recipe} holds the choices beyond the paper's
 * ({@link Recipe}: training holes, scene crops, schedule, weight average).
 */
public record TrainingConfig(int epochs, int batchSize, Optimizer optimizer, double learningRate, long seed,
                             int patience, HoleFill.Choice fill, boolean flip, int lrPatience, Recipe recipe) {

    public TrainingConfig {
        if (epochs <= 0) throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        if (batchSize <= 0) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        if (!(learningRate > 0 && learningRate < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("the learning rate must be a finite number above 0 (the paper's is"
                    + " 0.001), not " + learningRate);
        }
        if (patience < 0) throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        if (lrPatience < 0) throw new IllegalArgumentException("lr patience must be >= 0, got " + lrPatience);
        if (recipe == null) throw new IllegalArgumentException("a training config has a recipe (Recipe.PAPER)");
        if (recipe.schedule() == Recipe.Schedule.COSINE && lrPatience > 0) {
            throw new IllegalArgumentException("a cosine schedule sets the learning rate of every batch, so it cannot"
                    + " also halve on plateaus: drop --lr-patience (or give 0), or use --schedule constant");
        }
    }

    /** The paper's recipe. */
    public TrainingConfig(int epochs, int batchSize, Optimizer optimizer, double learningRate, long seed,
                          int patience, HoleFill.Choice fill, boolean flip, int lrPatience) {
        this(epochs, batchSize, optimizer, learningRate, seed, patience, fill, flip, lrPatience, Recipe.PAPER);
    }

    /** Without learning-rate decay. */
    public TrainingConfig(int epochs, int batchSize, Optimizer optimizer, double learningRate, long seed,
                          int patience, HoleFill.Choice fill, boolean flip) {
        this(epochs, batchSize, optimizer, learningRate, seed, patience, fill, flip, 0);
    }

    public static TrainingConfig paperDefaults(int epochs, int batchSize) {
        return new TrainingConfig(epochs, batchSize, Optimizer.ADAM, 1e-3, 42, 0, HoleFill.Choice.MEAN, true);
    }

    public TrainingConfig withEpochs(int n) {
        return new TrainingConfig(n, batchSize, optimizer, learningRate, seed, patience, fill, flip, lrPatience, recipe);
    }

    public TrainingConfig withOptimizer(Optimizer o, double lr) {
        return new TrainingConfig(epochs, batchSize, o, lr, seed, patience, fill, flip, lrPatience, recipe);
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(epochs, batchSize, optimizer, learningRate, s, patience, fill, flip, lrPatience, recipe);
    }

    public TrainingConfig withPatience(int p) {
        return new TrainingConfig(epochs, batchSize, optimizer, learningRate, seed, p, fill, flip, lrPatience, recipe);
    }

    public TrainingConfig withFill(HoleFill.Choice f) {
        return new TrainingConfig(epochs, batchSize, optimizer, learningRate, seed, patience, f, flip, lrPatience, recipe);
    }

    public TrainingConfig withLrPatience(int p) {
        return new TrainingConfig(epochs, batchSize, optimizer, learningRate, seed, patience, fill, flip, p, recipe);
    }

    public TrainingConfig withRecipe(Recipe r) {
        return new TrainingConfig(epochs, batchSize, optimizer, learningRate, seed, patience, fill, flip, lrPatience, r);
    }

    /** Name/value pairs, in a stable order, for config files and tables. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("epochs", Integer.toString(epochs));
        m.put("batch_size", Integer.toString(batchSize));
        m.put("optimizer", optimizer.id());
        m.put("learning_rate", Double.toString(learningRate));
        m.put("seed", Long.toString(seed));
        m.put("patience", Integer.toString(patience));
        m.put("hole_fill", fill.id());
        m.put("flip", Boolean.toString(flip));
        // Only when used, so runs from before the decay existed keep their settings (and still resume).
        if (lrPatience > 0) m.put("lr_patience", Integer.toString(lrPatience));
        m.putAll(recipe.asMap(epochs));
        return m;
    }
}
