package org.contextencoder.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.common.Image;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkbenchRenderersTest {

    private final Renderer renderer = new Renderer();

    WorkbenchRenderersTest() {
        Image.registerAll(renderer); // as BaseKernel does
        WorkbenchRenderers.registerAll(renderer);
    }

    @Test
    void aBufferedImageBecomesThePngOfItsPixels() throws Exception {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(2, 1, 0xff8800);

        BufferedImage decoded = png(renderer.render(image));

        assertEquals(3, decoded.getWidth());
        assertEquals(0xff8800, decoded.getRGB(2, 1) & 0xffffff);
    }

    @Test
    void anXChartChartBecomesAPngOfItsSize() throws Exception {
        XYChart chart = new XYChartBuilder().width(320).height(200).title("loss").build();
        chart.addSeries("train", new double[]{1, 2, 3}, new double[]{0.9, 0.5, 0.3});

        BufferedImage decoded = png(renderer.render(chart));

        assertEquals(320, decoded.getWidth());
        assertEquals(200, decoded.getHeight());
    }

    @Test
    void aPictureOrAChartSaysItsSizeAsPlainText() {
        XYChart chart = new XYChartBuilder().width(320).height(200).title("loss").build();
        chart.addSeries("train", new double[]{1, 2, 3}, new double[]{0.9, 0.5, 0.3});

        assertEquals("image 1180x532",
                renderer.render(new BufferedImage(1180, 532, BufferedImage.TYPE_INT_RGB)).getData(MIMEType.TEXT_PLAIN));
        assertEquals("image 320x200", renderer.render(chart).getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void aTablesawTableBecomesHtmlWithATextFallback() {
        Table table = Table.create("scores",
                StringColumn.create("mask", "center", "<random>"),
                DoubleColumn.create("psnr", 21.5, 19.25));

        DisplayData data = renderer.render(table);

        String html = (String) data.getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("<caption>scores</caption>"), html);
        assertTrue(html.contains("<th>mask</th><th>psnr</th>"), html);
        assertTrue(html.contains("<tr><td>&lt;random&gt;</td><td>19.25</td></tr>"), html);
        String text = (String) data.getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.contains("center") && text.contains("21.5"), text);
    }

    @Test
    void longTablesShowTheirFirstRowsAndSaySo() {
        Table table = Table.create("long", DoubleColumn.create("x", new double[WorkbenchRenderers.MAX_TABLE_ROWS + 10]));

        String html = (String) renderer.render(table).getData(MIMEType.TEXT_HTML);

        assertEquals(WorkbenchRenderers.MAX_TABLE_ROWS, html.split("<tr><td>", -1).length - 1);
        assertTrue(html.contains(WorkbenchRenderers.MAX_TABLE_ROWS + " of " + (WorkbenchRenderers.MAX_TABLE_ROWS + 10) + " rows shown"));
    }

    @Test
    void otherObjectsStayPlainText() {
        DisplayData data = renderer.render(java.util.List.of(1, 2));

        assertEquals("[1, 2]", data.getData(MIMEType.TEXT_PLAIN));
        assertFalse(data.hasDataForType(MIMEType.TEXT_HTML));
    }

    private static BufferedImage png(DisplayData data) throws Exception {
        String base64 = (String) data.getData(MIMEType.IMAGE_PNG);
        assertNotNull(base64, "no image/png in the bundle");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        assertNotNull(image, "image/png data that is not a PNG");
        return image;
    }
}
