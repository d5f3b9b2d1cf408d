package org.contextencoder.kernel;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.common.Image;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.contextencoder.viz.HtmlTable;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.table.Relation;

import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;

/**
 * Renderers for the workbench's display types, on top of the ones the library registers
 * ({@link RenderedImage} as PNG among them): XChart charts become PNG images and Tablesaw tables HTML,
 * so cells never encode by hand. Each has a plain-text form a reader can use: a picture's is its size.
 */
final class WorkbenchRenderers {

    /** Tables longer than this show their first rows only, so that outputs stay readable. */
    static final int MAX_TABLE_ROWS = 50;

    private WorkbenchRenderers() {
    }

    static void registerAll(Renderer renderer) {
        // Beside the library's PNG, a text form that says what the picture is, not an AWT object dump.
        renderer.createRegistration(RenderedImage.class)
                .register((image, context) -> context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> text(image)));
        renderer.createRegistration(Chart.class)
                .preferring(MIMEType.IMAGE_PNG)
                .register((chart, context) -> {
                    BufferedImage image = BitmapEncoder.getBufferedImage(chart);
                    Image.renderImage(image, context);
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> text(image));
                });
        renderer.createRegistration(Relation.class)
                .preferring(MIMEType.TEXT_HTML)
                .register((table, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_HTML, () -> HtmlTable.of(table, MAX_TABLE_ROWS));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> table.print(MAX_TABLE_ROWS));
                });
    }

    /** {@code image 1180x532}: what a picture's plain-text form says. */
    static String text(RenderedImage image) {
        return "image " + image.getWidth() + "x" + image.getHeight();
    }
}
