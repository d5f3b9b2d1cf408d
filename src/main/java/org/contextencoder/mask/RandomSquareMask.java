package org.contextencoder.mask;

import java.util.SplittableRandom;

/**
 * A square hole at a random position, fixed per image by the seed (the same image always gets the same hole,
 * so a run is reproducible). The models learn to find the hole from the fill colour and predict its content;
 * used to train models that repair holes anywhere, and to score baselines away from the centre.
 */
public record RandomSquareMask(int imageSize, int holeSize, long seed) implements Mask {

    public RandomSquareMask {
        Mask.requireFits(imageSize, holeSize);
    }

    @Override
    public Hole hole(int imageIndex) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + imageIndex);
        int range = imageSize - holeSize + 1;
        return new Hole(random.nextInt(range), random.nextInt(range), holeSize);
    }
}
