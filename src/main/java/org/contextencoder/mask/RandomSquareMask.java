package org.contextencoder.mask;

import java.util.SplittableRandom;

/**
 * A square hole at a random position, fixed per image by the seed (the same image always gets the same hole, so a
 * result is reproducible). Training with random holes uses a new seed for every epoch ({@code Recipe}), while scores
 * keep the paper's {@link CenterMask}. It also shows holes away from the centre (the tour notebook) and checks that
 * scoring and the fills work there.
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
