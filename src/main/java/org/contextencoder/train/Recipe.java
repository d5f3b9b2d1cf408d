package org.contextencoder.train;

import org.contextencoder.mask.Mask;
import org.contextencoder.mask.RandomSquareMask;
import org.contextencoder.model.Architecture;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Training choices beyond the paper's, each off by default, against a model that learns CIFAR-10 rather than
 * inpainting (issue 17). {@code holes}: where the training holes are; validation and scores keep the centre hole.
 * {@code sceneCrops}: how many random crops of the landmark training photos join a CIFAR-10 experiment's training
 * images (the experiment's data loader makes them; 0: none). {@code schedule}: the learning rate's course.
 * {@code ema}: the decay of an exponential moving average of the weights, which validation scores and the run keeps
 * as its model (0: none). Holes, crops and rates follow from the seed, the epoch and the batch alone, and the average
 * is saved with every checkpoint, so a resumed run goes on exactly as an uninterrupted one.
 */
public record Recipe(Holes holes, int sceneCrops, Schedule schedule, double ema) {

    /** The paper's: centre holes, CIFAR-10 alone, a constant rate, the trained weights themselves. */
    public static final Recipe PAPER = new Recipe(Holes.CENTER, 0, Schedule.CONSTANT, 0);

    public Recipe {
        if (holes == null || schedule == null) throw new IllegalArgumentException("a recipe names its holes and schedule");
        if (sceneCrops < 0) {
            throw new IllegalArgumentException("a number of scene crops of " + sceneCrops
                    + " is not possible: give 0 (none) or a positive number");
        }
        if (!(ema >= 0 && ema < 1)) {
            throw new IllegalArgumentException("the weight average's decay must be at least 0 (no average) and below"
                    + " 1, such as 0.999, not " + ema);
        }
    }

    /** A choice in a recipe, named on the command line and in a run's settings by its name in lower case. */
    public interface Choice {
        String name();

        default String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The one of {@code choices} named {@code id}, in any case; {@code what} names the kind in the refusal. */
        static <C extends Choice> C parse(C[] choices, String id, String what) {
            for (C c : choices) if (c.id().equals(id.trim().toLowerCase(Locale.ROOT))) return c;
            throw new IllegalArgumentException("unknown " + what + " '" + id + "': use " + choices[0].id() + " or "
                    + choices[1].id());
        }
    }

    /** Where the holes of the training images are. */
    public enum Holes implements Choice {
        /** The paper's: the centre, where the model is scored. */
        CENTER,
        /**
         * A new position for every image in every epoch, anywhere in the image (it may touch the border), so the
         * model learns to fill from any context.
         */
        RANDOM;

        public static Holes parse(String id) {
            return Choice.parse(values(), id, "training holes");
        }
    }

    /** How the learning rate runs over the epochs. */
    public enum Schedule implements Choice {
        /** The paper's: the configured rate throughout (halved on plateaus if the run says so). */
        CONSTANT,
        /**
         * A new rate for every batch: rising linearly over the first epoch from a batch's share of the configured
         * rate to all of it (warm-up), then falling along half a cosine to nearly 0 at the run's last batch.
         */
        COSINE;

        public static Schedule parse(String id) {
            return Choice.parse(values(), id, "schedule");
        }

        /**
         * The rate of batch {@code batch} (0-based) of {@code batches} in epoch {@code epoch} (1-based) of
         * {@code epochs}, from the configured {@code rate}.
         */
        public double rate(double rate, int epoch, int batch, int batches, int epochs) {
            if (this == CONSTANT) return rate;
            if (epoch == 1) return rate * (batch + 1) / batches;
            double done = ((epoch - 2) * (double) batches + batch) / ((epochs - 1) * (double) batches);
            return rate * (1 + Math.cos(Math.PI * done)) / 2;
        }
    }

    public Recipe withHoles(Holes h) {
        return new Recipe(h, sceneCrops, schedule, ema);
    }

    public Recipe withSceneCrops(int n) {
        return new Recipe(holes, n, schedule, ema);
    }

    public Recipe withSchedule(Schedule s) {
        return new Recipe(holes, sceneCrops, s, ema);
    }

    public Recipe withEma(double decay) {
        return new Recipe(holes, sceneCrops, schedule, decay);
    }

    /**
     * Refuses holes away from the centre for a network that only fills the centre: the U-Nets' skip connections are
     * cropped to it.
     */
    public void requireFits(Architecture architecture) {
        if (holes == Holes.RANDOM && !architecture.findsHoleAnywhere()) {
            throw new IllegalArgumentException("random training holes need a model that fills a hole wherever it is,"
                    + " and " + architecture.id() + "'s skip connections are cropped to the centre: use ce32, or"
                    + " --train-holes center");
        }
    }

    /**
     * The mask of the training images in {@code epoch}: {@code centre} itself, or a fresh random position for each
     * image, the same for the same seed and epoch.
     */
    public Mask trainingMask(Mask centre, long seed, int epoch) {
        if (holes == Holes.CENTER) return centre;
        return new RandomSquareMask(centre.imageSize(), centre.holeSize(), seed * 104_729L + epoch);
    }

    /**
     * The settings that differ from the paper's, for a run's settings: only those, so that runs from before a choice
     * existed keep their settings (and still resume). A cosine schedule runs over the run's {@code epochs}, so those
     * become a setting of their own that a resume must keep.
     */
    Map<String, String> asMap(int epochs) {
        Map<String, String> m = new LinkedHashMap<>();
        if (holes != PAPER.holes) m.put("train_holes", holes.id());
        if (sceneCrops != PAPER.sceneCrops) m.put("scene_crops", Integer.toString(sceneCrops));
        if (schedule != PAPER.schedule) {
            m.put("schedule", schedule.id());
            m.put("schedule_epochs", Integer.toString(epochs));
        }
        if (ema != PAPER.ema) m.put("ema", Double.toString(ema));
        return m;
    }
}
