package org.contextencoder.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * environment/clean-outputs.py, which run-notebooks.sh applies to every executed notebook, on a notebook with the
 * outputs of a machine whose project sits in {@code <tmp>/home/me/workbench} and its data in {@code <tmp>/shared/data}.
 */
class CleanOutputsTest {

    @Test
    void machinePathsBecomeRelativeLogLinesGoAndPicturesSayTheirSize(@TempDir Path tmp) throws Exception {
        Path project = Files.createDirectories(tmp.resolve("home/me/workbench"));
        Path data = Files.createDirectories(tmp.resolve("shared/data"));
        Path notebook = project.resolve("target/notebooks/01.ipynb");
        Files.createDirectories(notebook.getParent());
        String png = png(1180, 532);
        Files.writeString(notebook, """
                {"cells": [{"cell_type": "code", "execution_count": 1, "id": "a", "metadata": {},
                  "source": ["spec.asMap()"],
                  "outputs": [
                    {"output_type": "stream", "name": "stdout", "text": [
                      "INFO Nd4jBackend - ND4J backend CPU (2 threads)\\n",
                      "WARN ImageFolder - skipped 1 of 9 photos in DATA/scenes/train: x.jpg\\n",
                      "INFO Trainer - PROJECT/runs/general holds a finished run (16 epochs): reusing it\\n"]},
                    {"output_type": "stream", "name": "stdout", "text": ["INFO Trainer - resuming PROJECT/runs/x\\n"]},
                    {"output_type": "execute_result", "execution_count": 1, "metadata": {},
                     "data": {"text/plain": ["{seed=42, data_dir=DATA, runs=PROJECT/runs, other=PROJECTX/runs}"]}},
                    {"output_type": "execute_result", "execution_count": 2, "metadata": {},
                     "data": {"image/png": "PNG",
                              "text/plain": ["BufferedImage@20be9041: type = 1 DirectColorModel: rmask=ff0000"]}},
                    {"output_type": "execute_result", "execution_count": 3, "metadata": {},
                     "data": {"image/png": "PNG", "text/plain": ["a picture the cell named"]}}]}],
                 "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                """.replace("PROJECT", project.toString()).replace("DATA", data.toString()).replace("\"PNG\"", "\"" + png + "\""));

        clean(project, data, project.resolve("notebooks"), notebook);

        JsonArray outputs = JsonParser.parseString(Files.readString(notebook)).getAsJsonObject()
                .getAsJsonArray("cells").get(0).getAsJsonObject().getAsJsonArray("outputs");
        assertEquals(4, outputs.size(), "a stream left with nothing is dropped");
        assertEquals("WARN ImageFolder - skipped 1 of 9 photos in ../../../../shared/data/scenes/train: x.jpg\n",
                text(outputs.get(0).getAsJsonObject().get("text")), "warnings that inform stay");
        assertEquals("{seed=42, data_dir=../../../../shared/data, runs=../runs, other=" + project + "X/runs}",
                plain(outputs.get(1).getAsJsonObject()));
        assertEquals("image 1180x532", plain(outputs.get(2).getAsJsonObject()));
        assertEquals(png, outputs.get(2).getAsJsonObject().getAsJsonObject("data").get("image/png").getAsString());
        assertEquals("a picture the cell named", plain(outputs.get(3).getAsJsonObject()));

        String cleaned = Files.readString(notebook);
        clean(project, data, project.resolve("notebooks"), notebook);
        assertEquals(cleaned, Files.readString(notebook), "cleaning a clean notebook changes nothing");
    }

    @Test
    void aNotebookThatIsNotThereIsNamed(@TempDir Path tmp) throws Exception {
        ExternalCommand.Result result = ExternalCommand.run(Map.of(), "clean-outputs-missing", ExternalCommand.PYTHON,
                "environment/clean-outputs.py", "--root", tmp.toString(), tmp.resolve("none.ipynb").toString());
        assertEquals(1, result.exitCode());
        assertEquals(tmp.resolve("none.ipynb") + " is not a file: give executed notebooks (.ipynb) to clean",
                result.output().strip());
    }

    private static void clean(Path project, Path data, Path kernelDir, Path notebook) throws Exception {
        List<String> command = new ArrayList<>(List.of(ExternalCommand.PYTHON, "environment/clean-outputs.py",
                "--root", project.toString(), "--data", data.toString(), "--relative-to", kernelDir.toString(),
                notebook.toString()));
        ExternalCommand.assertSucceeded(ExternalCommand.run(Map.of(), "clean-outputs",
                command.toArray(String[]::new)), "cleaning " + notebook);
    }

    private static String plain(JsonObject output) {
        return text(output.getAsJsonObject("data").get("text/plain"));
    }

    private static String text(com.google.gson.JsonElement value) {
        StringBuilder text = new StringBuilder();
        value.getAsJsonArray().forEach(line -> text.append(line.getAsString()));
        return text.toString();
    }

    private static String png(int width, int height) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", bytes);
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
