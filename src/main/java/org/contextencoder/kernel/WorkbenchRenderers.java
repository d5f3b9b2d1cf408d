package org.contextencoder.kernel;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.common.Image;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.contextencoder.viz.HtmlTable;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.table.Relation;

/**
 * Renderers for the workbench's display types, on top of the ones the library registers
 * ({@link java.awt.image.RenderedImage} as PNG among them): XChart charts become PNG images
 * and Tablesaw tables HTML plus a plain-text fallback, so cells never encode by hand.
 */
final class WorkbenchRenderers {

    /** Tables longer than this show their first rows only, so that outputs stay readable. */
    static final int MAX_TABLE_ROWS = 50;

    private WorkbenchRenderers() {
    }

    static void registerAll(Renderer renderer) {
        renderer.createRegistration(Chart.class)
                .preferring(MIMEType.IMAGE_PNG)
                .register((chart, context) -> Image.renderImage(BitmapEncoder.getBufferedImage(chart), context));
        renderer.createRegistration(Relation.class)
                .preferring(MIMEType.TEXT_HTML)
                .register((table, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_HTML, () -> HtmlTable.of(table, MAX_TABLE_ROWS));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> table.print(MAX_TABLE_ROWS));
                });
    }
}
