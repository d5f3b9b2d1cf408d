package org.contextencoder.model;

import org.contextencoder.backend.Nd4jBackend;
import org.contextencoder.io.AtomicFiles;
import org.contextencoder.mask.HoleFill;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Saves and loads an {@link InpaintingModel}: DL4J's model zip (weights and optimizer state, so training can
 * resume) plus a {@code workbench.properties} entry with the architecture's id, the image size, hole and fill.
 * Written atomically ({@link AtomicFiles}), so a crash never leaves a half-written model.
 */
public final class ModelFile {

    private static final String ENTRY = "workbench.properties";

    private ModelFile() {
    }

    /** Saves weights and optimizer state (what resuming needs). */
    public static void save(InpaintingModel model, Path file) {
        save(model, file, true);
    }

    /**
     * {@code withOptimizerState = false} leaves Adam's moments out: a third of the size, for a model that is
     * only used, not trained further.
     */
    public static void save(InpaintingModel model, Path file, boolean withOptimizerState) {
        AtomicFiles.write(file, temporary -> {
            ModelSerializer.writeModel(model.graph(), temporary.toFile(), withOptimizerState);
            try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + temporary.toUri()), Map.of());
                 OutputStream out = Files.newOutputStream(zip.getPath(ENTRY))) {
                describe(model).store(out, "Context Encoder Workbench model");
            }
        });
    }

    public static InpaintingModel load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException("no model file at " + file
                    + ": train one with 'train --out DIR' (it writes DIR/model.zip) and pass that path");
        }
        Properties p = new Properties();
        ComputationGraph graph;
        try (FileSystem zip = FileSystems.newFileSystem(file, Map.of())) {
            Path entry = zip.getPath(ENTRY);
            if (!Files.exists(entry)) {
                throw new ModelFileException(file + " is not a workbench model (it has no " + ENTRY
                        + "): use a model.zip written by the workbench's train command");
            }
            try (InputStream in = Files.newInputStream(entry)) {
                p.load(in);
            }
            Nd4jBackend.configure();
            graph = ChannelsLastBatchNorm.install(
                    ModelSerializer.restoreComputationGraph(file.toFile(), hasOptimizerState(file)));
        } catch (IOException | RuntimeException e) {
            if (e instanceof ModelFileException m) throw m;
            throw new ModelFileException(file + " cannot be read as a model (" + e.getMessage()
                    + "): it is damaged or not a model zip; train again or pass another file", e);
        }
        try {
            return new InpaintingModel(graph, Architecture.parse(p.getProperty("architecture")),
                    Integer.parseInt(p.getProperty("hole")), HoleFill.parse(p.getProperty("fill")));
        } catch (RuntimeException e) {
            throw new ModelFileException(file + " has an unreadable " + ENTRY + " (" + e.getMessage() + ")", e);
        }
    }

    private static boolean hasOptimizerState(Path zip) throws IOException {
        try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of())) {
            return Files.exists(fs.getPath("updaterState.bin"));
        }
    }

    private static Properties describe(InpaintingModel model) {
        Properties p = new Properties();
        p.setProperty("architecture", model.architecture().id());
        p.setProperty("image", Integer.toString(model.imageSize()));
        p.setProperty("hole", Integer.toString(model.holeSize()));
        p.setProperty("fill", model.fill().describe());
        return p;
    }
}
