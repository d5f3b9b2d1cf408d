package org.contextencoder.experiment;

import org.contextencoder.io.AtomicFiles;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One notebook's saved outputs, named {@code <notebook>-<name>} in the scale's figures folder: pictures and
 * charts as PNG, result tables as CSV with the manifest of the runs behind them beside it
 * ({@code <notebook>-<name>-manifest.properties}), so every saved number can be traced to its seed, data and
 * commit. Each method returns what it saved, so one cell line both keeps and shows it.
 */
public final class Figures {

    private final Path folder;
    private final String notebook;

    public Figures(Path folder, String notebook) {
        this.folder = folder;
        this.notebook = notebook;
    }

    public static Figures of(Scale scale, String notebook) {
        return new Figures(scale.figures(), notebook);
    }

    public Path file(String name, String extension) {
        return folder.resolve(notebook + "-" + name + "." + extension);
    }

    public BufferedImage save(String name, BufferedImage image) {
        AtomicFiles.writePng(file(name, "png"), image);
        return image;
    }

    public <C extends Chart<?, ?>> C save(String name, C chart) {
        AtomicFiles.writePng(file(name, "png"), chart);
        return chart;
    }

    /** Saves a chart without showing it again: one a cell already shows, as a live training view shows its loss. */
    public void write(String name, Chart<?, ?> chart) {
        save(name, chart);
    }

    public Table save(String name, Table table, Path... runFolders) {
        return save(name, table, List.of(runFolders));
    }

    public Table save(String name, Table table, List<Path> runFolders) {
        return save(table, file(name, "csv"), runFolders);
    }

    /**
     * Writes {@code table} to {@code csv} and the manifest of the runs behind it beside it, named
     * {@code <csv's name>-manifest.properties}.
     */
    static Table save(Table table, Path csv, List<Path> runFolders) {
        return save(table, csv, runFolders, Map.of());
    }

    /** The same, with {@code notes} added to the manifest: what the runs' own manifests cannot say. */
    static Table save(Table table, Path csv, List<Path> runFolders, Map<String, String> notes) {
        // first: no table is saved without its manifest
        return save(table, csv, RunFolder.manifest(runFolders).putAll(notes));
    }

    /** Writes {@code table} to {@code csv} and {@code manifest} beside it. */
    static Table save(Table table, Path csv, Manifest manifest) {
        AtomicFiles.writeCsv(csv, table);
        manifest.write(manifestOf(csv));
        return table;
    }

    /** Where the manifest of a saved table is: {@code <csv's name>-manifest.properties} beside it. */
    static Path manifestOf(Path csv) {
        String name = csv.getFileName().toString();
        return csv.resolveSibling(name.substring(0, name.lastIndexOf('.')) + "-manifest.properties");
    }
}
