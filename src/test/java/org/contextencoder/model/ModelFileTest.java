package org.contextencoder.model;

import org.contextencoder.mask.HoleFill;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.learning.config.Adam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFileTest {

    /** dilated32 saves its sub-image steps ({@link SubImages}) in the network's JSON, which must read back. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ce32", "dilated32"})
    void aSavedModelLoadsWithTheSameOutputsAndSettings(Architecture architecture, @TempDir Path dir) {
        InpaintingModel model = new InpaintingModel(architecture.build(5, new Adam(1e-3), 0, 16),
                architecture, 16, new HoleFill.Solid(new float[]{0.4f, 0.5f, 0.6f}));
        Path file = dir.resolve("model.zip");
        ModelFile.save(model, file);
        InpaintingModel loaded = ModelFile.load(file);
        float[] input = new float[2 * 3 * 32 * 32];
        Random random = new Random(1);
        for (int i = 0; i < input.length; i++) input[i] = random.nextFloat();
        assertArrayEquals(model.predict(input, 2), loaded.predict(input, 2), 1e-6f);
        assertEquals(architecture, loaded.architecture());
        assertEquals(16, loaded.holeSize());
        assertEquals(new HoleFill.Solid(new float[]{0.4f, 0.5f, 0.6f}), loaded.fill());
    }

    @Test
    void aModelThatSeesHarmonicFillsKeepsThatFill(@TempDir Path dir) {
        InpaintingModel model = new InpaintingModel(Architecture.CE32.build(5, new Adam(1e-3), 0, 16),
                Architecture.CE32, 16, new HoleFill.Harmonic());
        ModelFile.save(model, dir.resolve("model.zip"), false);
        assertEquals(new HoleFill.Harmonic(), ModelFile.load(dir.resolve("model.zip")).fill());
    }

    @Test
    void aModelSavedWithoutOptimizerStateLeavesItOutAndLoads(@TempDir Path dir) throws IOException {
        InpaintingModel model = new InpaintingModel(Architecture.CE32.build(5, new Adam(1e-3), 0, 16),
                Architecture.CE32, 16, new HoleFill.Solid(new float[]{0.5f, 0.5f, 0.5f}));
        ModelFile.save(model, dir.resolve("full.zip"));
        ModelFile.save(model, dir.resolve("weights.zip"), false);
        assertTrue(entries(dir.resolve("full.zip")).contains("updaterState.bin"));
        assertFalse(entries(dir.resolve("weights.zip")).contains("updaterState.bin"));
        assertEquals(model.parameterCount(), ModelFile.load(dir.resolve("weights.zip")).parameterCount());
    }

    @Test
    void aModelFileIsAsReadableAsAnyNewFileAndRecordsItsFillAsText(@TempDir Path dir) throws IOException {
        Path reference = Files.writeString(dir.resolve("reference.txt"), "made the ordinary way");
        InpaintingModel model = new InpaintingModel(Architecture.CE32.build(5, new Adam(1e-3), 0, 16),
                Architecture.CE32, 16, new HoleFill.Solid(new float[]{0.4f, 0.5f, 0.6f}));
        Path file = dir.resolve("model.zip");
        ModelFile.save(model, file, false);
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(file));
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(file.toFile())) {
            String entry = new String(z.getInputStream(z.getEntry("workbench.properties")).readAllBytes(),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(entry.contains("fill=0.4,0.5,0.6"), entry);
            assertTrue(entry.contains("architecture=ce32"), entry);
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left");
        }
    }

    private static java.util.List<String> entries(Path zip) throws IOException {
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            return z.stream().map(java.util.zip.ZipEntry::getName).toList();
        }
    }

    /** Files written before architectures were one object each name theirs by the enum constant, CE32. */
    @Test
    void theArchitectureIsRecordedByItsIdAndFilesThatNamedItInCapitalsLoad(@TempDir Path dir) throws IOException {
        InpaintingModel model = new InpaintingModel(Architecture.UNET32.build(5, new Adam(1e-3), 0, 16),
                Architecture.UNET32, 16, new HoleFill.Harmonic());
        Path file = dir.resolve("model.zip");
        ModelFile.save(model, file, false);
        try (java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(file)) {
            Path entry = zip.getPath("workbench.properties");
            String properties = Files.readString(entry);
            assertTrue(properties.contains("architecture=unet32\n"), properties);
            Files.writeString(entry, properties.replace("architecture=unet32", "architecture=UNET32"));
        }
        assertEquals(Architecture.UNET32, ModelFile.load(file).architecture());
    }

    @Test
    void aMissingOrDamagedFileSaysWhatToDo(@TempDir Path dir) throws IOException {
        ModelFileException missing = assertThrows(ModelFileException.class, () -> ModelFile.load(dir.resolve("no.zip")));
        assertTrue(missing.getMessage().contains("train"), missing.getMessage());
        Path junk = dir.resolve("junk.zip");
        Files.writeString(junk, "this is not a zip");
        ModelFileException damaged = assertThrows(ModelFileException.class, () -> ModelFile.load(junk));
        assertTrue(damaged.getMessage().contains("cannot be read"), damaged.getMessage());
    }
}
