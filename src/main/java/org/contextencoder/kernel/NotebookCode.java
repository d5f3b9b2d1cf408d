package org.contextencoder.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.List;

/** Reads the code cells out of a Jupyter notebook ({@code .ipynb}, nbformat 4). */
final class NotebookCode {

    private NotebookCode() {
    }

    /** The source of each code cell, in order. */
    static List<String> codeCells(String notebookJson) {
        JsonObject notebook = JsonParser.parseString(notebookJson).getAsJsonObject();
        List<String> sources = new ArrayList<>();
        JsonArray cells = notebook.has("cells") ? notebook.getAsJsonArray("cells") : new JsonArray();
        for (JsonElement element : cells) {
            JsonObject cell = element.getAsJsonObject();
            if ("code".equals(cell.get("cell_type").getAsString())) {
                sources.add(sourceOf(cell.get("source")));
            }
        }
        return sources;
    }

    /** nbformat stores a cell's source either as one string or as a list of lines. */
    private static String sourceOf(JsonElement source) {
        if (source == null || source.isJsonNull()) {
            return "";
        }
        if (source.isJsonPrimitive()) {
            return source.getAsString();
        }
        StringBuilder text = new StringBuilder();
        source.getAsJsonArray().forEach(line -> text.append(line.getAsString()));
        return text.toString();
    }
}
