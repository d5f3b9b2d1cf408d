package org.contextencoder.model;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.ComposableInputPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.nd4j.linalg.activations.Activation;

/**
 * How a network lays out its image activations. Both layouts take NCHW images, give the same outputs and
 * have identical parameters (a flat vector always holds channels-first order), so a model trained in one runs
 * in the other.
 */
public enum Layout {
    /**
     * DL4J's default (NCHW) and its plain execution: the reference the fast layout is tested against, and how
     * models saved before the fast layout existed still load.
     */
    CHANNELS_FIRST,
    /**
     * The fast one: NHWC inside, where oneDNN's pooling runs 25-50x faster than on NCHW; convolutions and dense
     * layers keep their forward output for the backward pass instead of computing it again (DL4J's cache mode,
     * {@link CachedDenseLayer}); dilated convolutions run on sub-images ({@link SubImages}).
     */
    CHANNELS_LAST;

    /**
     * Whether a dilated convolution runs as a plain one on the image's interleaved sub-images ({@link SubImages}):
     * oneDNN's, where DL4J's own dilated convolution takes its slow im2col path.
     */
    boolean dilatesBySubImages() {
        return this == CHANNELS_LAST;
    }

    CacheMode cacheMode() {
        return this == CHANNELS_LAST ? CacheMode.DEVICE : CacheMode.NONE;
    }

    /** A fully connected layer. */
    FeedForwardLayer dense(int units, Activation activation) {
        return this == CHANNELS_LAST ? CachedDenseLayer.of(units, activation)
                : new DenseLayer.Builder().nOut(units).activation(activation).build();
    }

    /** Before the first convolution: images arrive channels-first (null: nothing to do). */
    InputPreProcessor entry() {
        return this == CHANNELS_LAST ? ChannelOrder.toLast() : null;
    }

    /** Image activations to a flat vector, always in channels-first order. */
    InputPreProcessor flatten(int height, int width, int channels) {
        CnnToFeedForwardPreProcessor flat = new CnnToFeedForwardPreProcessor(height, width, channels);
        return this == CHANNELS_LAST ? new ComposableInputPreProcessor(ChannelOrder.toFirst(), flat) : flat;
    }

    /** The inverse of {@link #flatten}. */
    InputPreProcessor unflatten(int height, int width, int channels) {
        FeedForwardToCnnPreProcessor image = new FeedForwardToCnnPreProcessor(height, width, channels);
        return this == CHANNELS_LAST ? new ComposableInputPreProcessor(image, ChannelOrder.toLast()) : image;
    }
}
