package org.contextencoder.cli;

import org.contextencoder.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line end to end on small subsets of the real data. */
class CommandLineTest {

    @TempDir
    static Path dir;
    private static Path run;

    /** What evaluate and baselines print for each method. */
    private static final String SCORES = "masked MSE 0\\.\\d{5}, masked L1 0\\.\\d{5}, SSIM -?\\d\\.\\d{4}, "
            + "detail ratio \\d+\\.\\d{3}, PSNR of the mean MSE \\d+\\.\\d\\d dB, mean per-image PSNR \\d+\\.\\d\\d dB";

    /** Exit code and everything printed. */
    record Result(int code, String out, String err) {
    }

    static Result cli(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true));
            System.setErr(new PrintStream(err, true));
            int code = Main.run(args);
            return new Result(code, out.toString(), err.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @BeforeAll
    static void trainSmall() {
        run = dir.resolve("run");
        Result r = cli("train", "--experiment", "truck", "--epochs", "1", "--train-limit", "48", "--test-limit", "16",
                "--batch", "16", "--data-dir", SharedData.root().toString(), "--out", run.toString());
        assertEquals(0, r.code(), r.out() + r.err());
    }

    @Test
    void trainWritesEveryResultFile() throws IOException {
        for (String f : List.of("config.properties", "manifest.properties", "history.csv", "metrics.csv", "model.zip",
                "loss.png", "grid-train.png", "grid-test.png")) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f);
        }
        List<String> metrics = Files.readAllLines(run.resolve("metrics.csv"));
        assertEquals("setting,split,method,masked_mse,psnr,images,masked_l1,ssim,detail_ratio,mean_image_psnr",
                metrics.get(0));
        assertEquals(1 + 2 * 4, metrics.size(), "model and three baselines on train and test");
        assertTrue(Files.readString(run.resolve("history.csv")).startsWith("epoch,train_loss,val_loss"));
        String manifest = Files.readString(run.resolve("manifest.properties"));
        assertTrue(manifest.contains("data_sha256=") && manifest.contains("seed=42") && manifest.contains("git_commit="));
        BufferedImage grid = ImageIO.read(run.resolve("grid-test.png").toFile());
        assertTrue(grid.getHeight() > 3 * 128, "three rows of enlarged images");
    }

    @Test
    void evaluatePrintsEveryMetric() {
        Result r = cli("evaluate", "--model", run.resolve("model.zip").toString(), "--experiment", "truck",
                "--split", "test", "--limit", "20", "--data-dir", SharedData.root().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("20 images: " + SCORES + "\n"), r.out());
        Result photos = cli("evaluate", "--model", run.resolve("model.zip").toString(),
                "--images", SharedData.scenes().resolve("test").toString(), "--limit", "10");
        assertEquals(0, photos.code(), photos.err());
        assertTrue(photos.out().startsWith("10 images"), photos.out());
    }

    @Test
    void baselinesPrintAllThree() {
        Result r = cli("baselines", "--experiment", "general", "--split", "test", "--limit", "200",
                "--data-dir", SharedData.root().toString());
        assertEquals(0, r.code(), r.err());
        for (String m : List.of("train-mean", "ring-mean", "harmonic")) {
            assertTrue(r.out().lines().anyMatch(line -> line.matches("  " + m + " +" + SCORES)), r.out());
        }
        Result folder = cli("baselines", "--images", SharedData.scenes().resolve("test").toString(),
                "--image-size", "128", "--limit", "10");
        assertEquals(0, folder.code(), folder.err());
        assertTrue(folder.out().contains("32x32 hole in 128x128"), folder.out());
    }

    @Test
    void inpaintRepairsAPhotoOfAnySize() throws IOException {
        Path photo = Files.list(SharedData.scenes().resolve("test")).sorted().findFirst().orElseThrow();
        Path out = dir.resolve("repaired.png");
        Result r = cli("inpaint", "--model", run.resolve("model.zip").toString(), "--input", photo.toString(),
                "--box", "60,60,30,30", "--output", out.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage original = ImageIO.read(photo.toFile());
        BufferedImage repaired = ImageIO.read(out.toFile());
        assertEquals(original.getWidth(), repaired.getWidth());
        assertEquals(original.getRGB(5, 5) & 0xFFFFFF, repaired.getRGB(5, 5) & 0xFFFFFF, "outside the box: untouched");
        int changed = 0;
        for (int y = 60; y < 90; y++) for (int x = 60; x < 90; x++)
            if (Math.abs(((original.getRGB(x, y) >> 8) & 0xFF) - ((repaired.getRGB(x, y) >> 8) & 0xFF)) > 2) changed++;
        assertTrue(changed > 100, "the box was repainted: " + changed + " pixels changed");
    }

    @Test
    void badInputEndsWithOneClearSentence() {
        Result missingModel = cli("evaluate", "--model", dir.resolve("none.zip").toString(), "--images", dir.toString());
        assertEquals(1, missingModel.code());
        assertTrue(missingModel.err().startsWith("error: no model file"), missingModel.err());
        assertFalse(missingModel.err().contains("\tat "), "no stack trace");

        Result unknownClass = cli("train", "--experiment", "lorries", "--out", dir.resolve("x").toString());
        assertEquals(1, unknownClass.code());
        assertTrue(unknownClass.err().contains("unknown experiment 'lorries'"), unknownClass.err());

        Result wrongModel = cli("train", "--experiment", "truck", "--architecture", "unet128", "--out",
                dir.resolve("w").toString());
        assertEquals(1, wrongModel.code());
        assertTrue(wrongModel.err().contains("32 px images, which the unet128 model does not take"), wrongModel.err());

        Result noPhotos = cli("train", "--experiment", "landmark", "--data-dir", dir.resolve("empty").toString(),
                "--out", dir.resolve("y").toString());
        assertEquals(1, noPhotos.code());
        assertTrue(noPhotos.err().contains("does not exist"), noPhotos.err());

        Result bigBox = cli("inpaint", "--model", run.resolve("model.zip").toString(), "--input",
                SharedData.scenes().resolve("test").resolve("buildings_10018.jpg").toString(), "--box", "0,0,150,150",
                "--output", dir.resolve("z.png").toString());
        assertEquals(1, bigBox.code());
        assertTrue(bigBox.err().contains("as large as"), bigBox.err());

        Result usage = cli("train", "--experiment");
        assertEquals(2, usage.code());
    }
}
