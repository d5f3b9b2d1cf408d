package org.contextencoder.mask;

/** The paper's mask: a square hole in the middle of every image (16 on 32 px, 32 or 64 on 128 px). */
public record CenterMask(int imageSize, int holeSize) implements Mask {

    public CenterMask {
        Mask.requireFits(imageSize, holeSize);
    }

    @Override
    public Hole hole(int imageIndex) {
        int corner = (imageSize - holeSize) / 2;
        return new Hole(corner, corner, holeSize);
    }
}
