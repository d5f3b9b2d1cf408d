package org.contextencoder.viz;

import org.dflib.jjava.jupyter.kernel.display.DisplayDataRenderable;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import java.util.Set;

/**
 * A result a notebook shows as HTML (a coloured table, a chart beside a table), with plain text where HTML is not
 * shown. Jupyter kernels built on JJava render such a value by itself when a cell ends with it.
 */
public interface HtmlDisplay extends DisplayDataRenderable {

    String html();

    String text();

    @Override
    default Set<MIMEType> getSupportedRenderTypes() {
        return Set.of(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN);
    }

    @Override
    default void render(RenderContext context) {
        context.renderIfRequested(MIMEType.TEXT_HTML, () -> html());
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> text());
    }
}
