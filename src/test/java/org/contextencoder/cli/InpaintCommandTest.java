package org.contextencoder.cli;

import org.contextencoder.TestPhotos;
import org.contextencoder.mask.HoleFill;
import org.contextencoder.model.Architecture;
import org.contextencoder.model.InpaintingModel;
import org.contextencoder.model.ModelFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.Adam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code inpaint} given hostile photos, boxes and output paths: one sentence, exit 1, nothing written or lost. */
class InpaintCommandTest {

    @TempDir
    static Path dir;
    private static Path model;
    private static Path photo;

    @BeforeAll
    static void modelAndPhoto() throws IOException {
        model = dir.resolve("model.zip");
        ModelFile.save(new InpaintingModel(Architecture.CE32.build(3, new Adam(1e-3), 0, 16), Architecture.CE32, 16,
                new HoleFill.Solid(new float[]{0.5f, 0.5f, 0.5f})), model, false);
        photo = dir.resolve("photo.jpg");
        TestPhotos.photo(photo, 120, 90, 1);
    }

    private static CommandLineTest.Result inpaint(String input, String box, Path output) {
        List<String> args = new ArrayList<>(List.of("inpaint", "--model", model.toString(), "--input", input,
                "--output", output.toString()));
        if (box != null) args.addAll(List.of("--box", box));
        return CommandLineTest.cli(args.toArray(String[]::new));
    }

    /** Exit 1 and a single line of error that contains {@code expected}. */
    private static void refused(CommandLineTest.Result r, String expected) {
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(expected), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one sentence, no stack trace: " + r.err());
    }

    @Test
    void aPhotoDeclaringHugeDimensionsIsRefusedWithItsSize() throws IOException {
        Path huge = dir.resolve("huge.png");
        TestPhotos.pngDeclaring(huge, 100_000, 100_000);
        Path out = dir.resolve("huge-repaired.png");
        refused(inpaint(huge.toString(), null, out), huge + " is 100000x100000 pixels");
        assertFalse(Files.exists(out));
    }

    @Test
    void aJpegCutShortIsRefusedNotRepairedHalfGrey() throws IOException {
        Path cut = dir.resolve("cut.jpg");
        TestPhotos.cutJpeg(cut);
        refused(inpaint(cut.toString(), null, dir.resolve("cut-repaired.png")), "damaged or cut short");
    }

    @Test
    void aBoxPastTheIntegerRangeIsOutsideThePhoto() {
        refused(inpaint(photo.toString(), "2147483647,0,10,10", dir.resolve("box.png")),
                "does not lie inside the 120x90 photo");
        assertFalse(Files.exists(dir.resolve("box.png")));
    }

    @Test
    void anOutputThatIsAFolderIsRefusedAndTheFolderKept() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty-folder"));
        refused(inpaint(photo.toString(), null, empty), "--output " + empty + " is a folder");
        assertTrue(Files.isDirectory(empty), "ImageIO would have deleted an empty folder to write the PNG there");
        Path full = Files.createDirectories(dir.resolve("full-folder"));
        Files.writeString(full.resolve("keep.txt"), "mine");
        refused(inpaint(photo.toString(), null, full), "is a folder");
        assertEquals("mine", Files.readString(full.resolve("keep.txt")));
    }

    @Test
    void anOutputThatCannotBeWrittenGivesOneSentence() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "in the way");
        refused(inpaint(photo.toString(), null, file.resolve("repaired.png")), "could not write "
                + file.resolve("repaired.png") + " (" + file + " is a file, not a folder)");
    }
}
