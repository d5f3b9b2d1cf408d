package org.contextencoder.kernel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Executes every notebook under notebooks/ headless at the small scale, with the kernel just built,
 * as CI does: a cell that throws fails the build. Then checks that the tour shows its outputs.
 */
class NotebooksIT {

    @Test
    @Timeout(3600)
    void everyNotebookRunsAtSmallScaleAndTheTourShowsItsOutputs() throws Exception {
        ExternalCommand.requirePythonModules("nbconvert", "nbclient");

        ExternalCommand.assertSucceeded(ExternalCommand.run(Map.of(), "run-notebooks",
                "environment/run-notebooks.sh", "--scale", "small"), "executing the notebooks");

        List<JsonObject> outputs = outputsOf(ExternalCommand.ROOT.resolve("target/notebooks/00-workbench-tour.ipynb"));
        assertTrue(outputs.stream().noneMatch(o -> o.get("output_type").getAsString().equals("error")));
        assertTrue(outputs.stream().anyMatch(o -> o.get("output_type").getAsString().equals("execute_result")
                && data(o).keySet().equals(java.util.Set.of("text/plain"))), "a plain-text cell result");
        List<BufferedImage> images = outputs.stream().filter(o -> data(o).has("image/png"))
                .map(o -> decodePng(data(o).get("image/png"))).toList();
        assertTrue(images.size() >= 2, "an image and a chart, as PNG: " + images.size());
        assertTrue(images.stream().anyMatch(i -> i.getWidth() >= 400), "a chart-sized picture");
        assertTrue(outputs.stream().anyMatch(o -> data(o).has("text/html")
                && text(data(o).get("text/html")).contains("<table")), "a table as HTML");
    }

    private static List<JsonObject> outputsOf(Path notebook) throws Exception {
        JsonObject json = JsonParser.parseString(Files.readString(notebook)).getAsJsonObject();
        List<JsonObject> outputs = new ArrayList<>();
        for (JsonElement cell : json.getAsJsonArray("cells")) {
            if (cell.getAsJsonObject().has("outputs")) {
                cell.getAsJsonObject().getAsJsonArray("outputs").forEach(o -> outputs.add(o.getAsJsonObject()));
            }
        }
        assertEquals(false, outputs.isEmpty(), "the executed notebook has no outputs");
        return outputs;
    }

    private static JsonObject data(JsonObject output) {
        return output.has("data") ? output.getAsJsonObject("data") : new JsonObject();
    }

    /** nbformat stores text as a string or a list of lines. */
    private static String text(JsonElement value) {
        if (value.isJsonPrimitive()) {
            return value.getAsString();
        }
        StringBuilder text = new StringBuilder();
        value.getAsJsonArray().forEach(line -> text.append(line.getAsString()));
        return text.toString();
    }

    private static BufferedImage decodePng(JsonElement base64) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getMimeDecoder().decode(text(base64))));
            assertNotNull(image, "image/png output that is not a PNG");
            return image;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
