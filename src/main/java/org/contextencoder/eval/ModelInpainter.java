package org.contextencoder.eval;

import org.contextencoder.mask.Mask;
import org.contextencoder.model.InpaintingModel;

/** A context encoder as an {@link Inpainter}: fills the holes as the model was trained to see them, then predicts. */
public final class ModelInpainter implements Inpainter {

    /** The method name of a model in result tables, unless one is given. */
    public static final String NAME = "context-encoder";

    private final InpaintingModel model;
    private final String name;

    public ModelInpainter(InpaintingModel model) {
        this(model, NAME);
    }

    public ModelInpainter(InpaintingModel model, String name) {
        this.model = model;
        this.name = name;
    }

    public InpaintingModel model() {
        return model;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public float[] predictHoles(float[] images, int[] indices, int from, int n, Mask mask) {
        if (mask.imageSize() != model.imageSize() || mask.holeSize() != model.holeSize()) {
            throw new IllegalArgumentException("this model repairs " + model.holeSize() + " px holes in "
                    + model.imageSize() + " px images, not " + mask.holeSize() + " px holes in "
                    + mask.imageSize() + " px images");
        }
        float[] filled = images.clone();
        model.fill().paint(filled, indices, from, n, mask);
        return model.predict(filled, n);
    }
}
