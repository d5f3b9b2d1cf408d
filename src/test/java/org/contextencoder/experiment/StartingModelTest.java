package org.contextencoder.experiment;

import org.contextencoder.mask.HoleFill;
import org.contextencoder.model.Architecture;
import org.contextencoder.model.InpaintingModel;
import org.contextencoder.model.ModelFile;
import org.contextencoder.model.ModelFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.Adam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartingModelTest {

    private static final HoleFill COLOUR = new HoleFill.Solid(new float[]{0.4f, 0.5f, 0.6f});

    private static InpaintingModel model(long seed, double rate, HoleFill fill) {
        return new InpaintingModel(Architecture.CE32.build(seed, new Adam(rate), 0, 16), Architecture.CE32, 16, fill);
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void theNewRunsNetworkGetsTheFilesWeightsAndFillAndKeepsItsOwnOptimizer(@TempDir Path dir) throws Exception {
        InpaintingModel finished = model(1, 1e-3, COLOUR);
        Path file = dir.resolve("model.zip");
        ModelFile.save(finished, file, false);
        StartingModel start = StartingModel.of(dir.resolve(".").resolve("model.zip"));
        assertEquals(file, start.file(), "the path is recorded absolute and normalised");
        assertEquals(sha256(file), start.sha256());

        InpaintingModel fresh = model(2, 5e-4, new HoleFill.Solid(new float[]{0.1f, 0.1f, 0.1f}));
        assertFalse(java.util.Arrays.equals(finished.graph().params().data().asFloat(),
                fresh.graph().params().data().asFloat()));
        InpaintingModel started = start.into(fresh);
        assertArrayEquals(finished.graph().params().data().asFloat(), started.graph().params().data().asFloat());
        assertEquals(COLOUR, started.fill(), "the fill the weights were trained with");
        assertEquals(5e-4, started.graph().getLearningRate("bottleneck"), 1e-15, "the new run's optimizer");
    }

    @Test
    void aModelOfAnotherArchitectureHoleOrFillIsRefusedInOneSentence(@TempDir Path dir) {
        Path file = dir.resolve("model.zip");
        ModelFile.save(model(1, 1e-3, COLOUR), file, false);
        StartingModel start = StartingModel.of(file);
        start.requireFits(Architecture.CE32, 16, HoleFill.Choice.MEAN);
        assertEquals(file + " holds a ce32 model of 16 px holes with the mean fill, and this run trains a unet32 model"
                + " of 16 px holes with the mean fill: start from a model with the run's architecture, hole and fill,"
                + " or give the run the model's", assertThrows(IllegalArgumentException.class,
                () -> start.requireFits(Architecture.UNET32, 16, HoleFill.Choice.MEAN)).getMessage());
        for (HoleFill.Choice other : new HoleFill.Choice[]{HoleFill.Choice.ZERO, HoleFill.Choice.HARMONIC}) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> start.requireFits(Architecture.CE32, 16,
                    other)).getMessage().contains("with the mean fill, and this run trains a ce32 model of 16 px holes"
                    + " with the " + other.id() + " fill"));
        }
    }

    @Test
    void aMissingDamagedOrChangedFileIsRefused(@TempDir Path dir) throws IOException {
        assertTrue(assertThrows(ModelFileException.class, () -> StartingModel.of(dir.resolve("none.zip")))
                .getMessage().startsWith("no model file at " + dir.resolve("none.zip")));
        Path damaged = Files.write(dir.resolve("damaged.zip"), new byte[]{1, 2, 3});
        assertTrue(assertThrows(ModelFileException.class, () -> StartingModel.of(damaged)).getMessage()
                .startsWith(damaged + " cannot be read as a model"));

        Path file = dir.resolve("model.zip");
        ModelFile.save(model(1, 1e-3, COLOUR), file, false);
        StartingModel start = StartingModel.of(file);
        ModelFile.save(model(3, 1e-3, COLOUR), file, false);
        assertEquals(file + " has changed since the run was set up from it: set the run up again to start from the"
                + " model it holds now", assertThrows(IllegalArgumentException.class,
                () -> start.into(model(2, 1e-3, COLOUR))).getMessage());
    }
}
