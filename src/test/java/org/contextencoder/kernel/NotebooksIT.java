package org.contextencoder.kernel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.contextencoder.SharedData;
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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Executes every notebook under notebooks/ headless at the small scale, with the kernel just built,
 * as CI does: a cell that throws fails the build. Then checks that every notebook shows a picture and
 * that the tour shows each kind of output.
 */
class NotebooksIT {

    @Test
    @Timeout(3600)
    void everyNotebookRunsAtSmallScaleAndTheTourShowsItsOutputs() throws Exception {
        ExternalCommand.requirePythonModules("nbconvert", "nbclient");

        ExternalCommand.assertSucceeded(ExternalCommand.run(dataEnvironment(), "run-notebooks",
                "environment/run-notebooks.sh", "--scale", "small"), "executing the notebooks");

        List<Path> notebooks;
        try (Stream<Path> files = Files.list(ExternalCommand.ROOT.resolve("notebooks"))) {
            notebooks = files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertFalse(notebooks.isEmpty(), "no notebooks under notebooks/");
        for (Path notebook : notebooks) {
            Path executed = ExternalCommand.ROOT.resolve("target/notebooks").resolve(notebook.getFileName());
            List<JsonObject> outputs = outputsOf(executed);
            assertTrue(outputs.stream().noneMatch(o -> o.get("output_type").getAsString().equals("error")),
                    "an error output in " + executed);
            assertTrue(outputs.stream().anyMatch(o -> data(o).has("image/png")), "no picture in " + executed);
        }

        List<JsonObject> outputs = outputsOf(ExternalCommand.ROOT.resolve("target/notebooks/00-workbench-tour.ipynb"));
        assertTrue(outputs.stream().anyMatch(o -> o.get("output_type").getAsString().equals("execute_result")
                && data(o).keySet().equals(java.util.Set.of("text/plain"))), "a plain-text cell result");
        List<BufferedImage> images = outputs.stream().filter(o -> data(o).has("image/png"))
                .map(o -> decodePng(data(o).get("image/png"))).toList();
        assertTrue(images.size() >= 2, "an image and a chart, as PNG: " + images.size());
        assertTrue(images.stream().anyMatch(i -> i.getWidth() >= 400), "a chart-sized picture");
        assertTrue(outputs.stream().anyMatch(o -> data(o).has("text/html")
                && text(data(o).get("text/html")).contains("<table")), "a table as HTML");
    }

    /**
     * The real datasets beside the repository ({@code ../shared/data}) unless WORKBENCH_DATA already says where
     * they are, so CI runs the notebooks on the same data as the tests; given relative to the repository, as in the
     * README's command, although the kernels run in {@code notebooks/}.
     */
    private static Map<String, String> dataEnvironment() {
        String set = System.getenv("WORKBENCH_DATA");
        if (set != null && !set.isBlank()) return Map.of();
        return Map.of("WORKBENCH_DATA", Path.of("").toAbsolutePath().relativize(SharedData.root()).toString());
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
