package org.contextencoder.viz;

import java.awt.Color;
import java.util.function.DoubleUnaryOperator;

/**
 * Values as colours of a heat map: the lowest value dark green, the highest pale yellow (ColorBrewer's YlGn),
 * so that lightness alone orders the cells. Positive values are placed on a log scale, as losses spread over
 * magnitudes; any other range linearly.
 */
public final class ColourScale {

    /** Dark green, green, pale yellow: every channel rises from one stop to the next, so lightness does too. */
    private static final Color[] STOPS = {new Color(0x006837), new Color(0x78c679), new Color(0xffffcc)};

    private final double low;
    private final double high;
    private final DoubleUnaryOperator axis;

    private ColourScale(double low, double high, DoubleUnaryOperator axis) {
        this.low = axis.applyAsDouble(low);
        this.high = axis.applyAsDouble(high);
        this.axis = axis;
    }

    /** The scale spanning the finite values given (NaN ones, e.g. missing, are left out). */
    public static ColourScale spanning(double... values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (!Double.isFinite(v)) continue;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min > max) return new ColourScale(0, 0, v -> v);
        return new ColourScale(min, max, min > 0 ? Math::log : v -> v);
    }

    /** The colour of a value; null for a value that is not a number. */
    public Color colour(double value) {
        if (!Double.isFinite(value)) return null;
        double t = high > low ? (axis.applyAsDouble(value) - low) / (high - low) : 0;
        t = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
        int i = Math.min((int) t, STOPS.length - 2);
        double f = t - i;
        Color a = STOPS[i];
        Color b = STOPS[i + 1];
        return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f),
                mix(a.getBlue(), b.getBlue(), f));
    }

    /** Relative luminance (0 black, 1 white), as WCAG defines it, to pick readable text on a colour. */
    public static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(int channel) {
        double s = channel / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
