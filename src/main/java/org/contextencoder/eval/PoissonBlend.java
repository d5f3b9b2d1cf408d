package org.contextencoder.eval;

import org.contextencoder.mask.HoleSurface;
import org.contextencoder.mask.Mask;

/**
 * Poisson (gradient-domain) compositing of what {@code inner} puts in each hole: the hole keeps the prediction's
 * Laplacian, its detail, and takes its level from the known pixels around it ({@link HoleSurface#guidedBy}), so a
 * prediction a little lighter or darker than its surroundings no longer sits in the photo as a square with a visible
 * edge. A prediction with no detail (a zero Laplacian) becomes the harmonic fill. Pixels are clipped to [0,1].
 */
public record PoissonBlend(Inpainter inner) implements Inpainter {

    @Override
    public String name() {
        return inner.name() + "+poisson";
    }

    @Override
    public float[] predictHoles(float[] images, int[] indices, int from, int n, Mask mask) {
        float[] blended = HoleSurface.guidedBy(inner.predictHoles(images, indices, from, n, mask), images, indices,
                from, n, mask);
        for (int i = 0; i < blended.length; i++) blended[i] = Math.min(1f, Math.max(0f, blended[i]));
        return blended;
    }
}
