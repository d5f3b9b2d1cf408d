package org.contextencoder.viz;

import org.contextencoder.data.Planes;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of same-sized images with a label in front of each row, e.g. original / masked / inpainted.
 * Small images are enlarged by an integer factor without smoothing, so every pixel stays visible.
 * <pre>{@code ImageGrid.of(32).scale(4).row("original", pixels, 8).row("inpainted", repaired, 8).toImage()}</pre>
 */
public final class ImageGrid {

    private static final int GAP = 4;
    /** The label column is at least this wide, so that grids with short labels line up; a longer label widens it. */
    private static final int MIN_LABEL_WIDTH = 120;
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    private final int imageSize;
    private int scale = 1;
    private final List<String> labels = new ArrayList<>();
    private final List<BufferedImage[]> rows = new ArrayList<>();

    private ImageGrid(int imageSize) {
        this.imageSize = imageSize;
    }

    public static ImageGrid of(int imageSize) {
        return new ImageGrid(imageSize);
    }

    public ImageGrid scale(int factor) {
        if (factor < 1) throw new IllegalArgumentException("scale must be at least 1");
        this.scale = factor;
        return this;
    }

    /** Adds a row of {@code n} images given as floats in [0,1], NCHW with 3 channels. */
    public ImageGrid row(String label, float[] images, int n) {
        BufferedImage[] row = new BufferedImage[n];
        for (int i = 0; i < n; i++) row[i] = Planes.picture(images, i, imageSize);
        labels.add(label);
        rows.add(row);
        return this;
    }

    public BufferedImage toImage() {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int cell = imageSize * scale;
        int height = rows.size() * (cell + GAP) + GAP;
        int labelWidth = labelWidth();
        int width = labelWidth + columns * (cell + GAP) + GAP;
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.setFont(LABEL_FONT);
            for (int r = 0; r < rows.size(); r++) {
                int y = GAP + r * (cell + GAP);
                g.setColor(Color.DARK_GRAY);
                g.drawString(labels.get(r), GAP, y + cell / 2 + 5);
                BufferedImage[] row = rows.get(r);
                for (int c = 0; c < row.length; c++) {
                    g.drawImage(row[c], labelWidth + GAP + c * (cell + GAP), y, cell, cell, null);
                }
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The widest label and a gap on each side, or {@link #MIN_LABEL_WIDTH}: no image covers a label. */
    private int labelWidth() {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            var metrics = g.getFontMetrics(LABEL_FONT);
            int widest = labels.stream().mapToInt(metrics::stringWidth).max().orElse(0);
            return Math.max(MIN_LABEL_WIDTH, widest + 2 * GAP);
        } finally {
            g.dispose();
        }
    }
}
