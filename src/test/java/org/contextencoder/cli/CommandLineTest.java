package org.contextencoder.cli;

import org.contextencoder.SharedData;
import org.contextencoder.train.LockHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

    /** The small truck run's command into {@code out}, with {@code changes} (an option and its value, or a flag). */
    static String[] train(Path out, String... changes) {
        Map<String, String> options = new LinkedHashMap<>(Map.of("--experiment", "truck", "--epochs", "1",
                "--train-limit", "48", "--test-limit", "16", "--batch", "16"));
        options.put("--data-dir", SharedData.root().toString());
        options.put("--out", out.toString());
        for (int i = 0; i < changes.length; i++) {
            boolean flag = i + 1 == changes.length || changes[i + 1].startsWith("--");
            options.put(changes[i], flag ? null : changes[++i]);
        }
        List<String> args = new ArrayList<>(List.of("train"));
        options.forEach((option, value) -> {
            args.add(option);
            if (value != null) args.add(value);
        });
        return args.toArray(String[]::new);
    }

    @BeforeAll
    static void trainSmall() {
        run = dir.resolve("run");
        Result r = cli(train(run));
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
        assertEquals(1 + 3 * 4, metrics.size(), "model and three baselines on train, validation and test");
        assertEquals(List.of("train", "validation", "test"), metrics.stream().skip(1).map(l -> l.split(",")[1])
                .distinct().toList());
        assertTrue(Files.readString(run.resolve("history.csv")).startsWith("epoch,train_loss,val_loss"));
        String manifest = Files.readString(run.resolve("manifest.properties"));
        assertTrue(manifest.contains("data_sha256=") && manifest.contains("seed=42") && manifest.contains("git_commit="));
        assertTrue(manifest.contains("validation=holdout") && manifest.contains("validation_images=16"), manifest);
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
    void evaluateAndInpaintTakeTheInferenceOptions() throws IOException {
        String model = run.resolve("model.zip").toString();
        String[] scored = {"evaluate", "--model", model, "--experiment", "truck", "--limit", "20", "--data-dir",
                SharedData.root().toString()};
        Result plain = cli(scored);
        Result both = cli(concat(scored, "--tta", "flip", "--blend", "poisson"));
        assertEquals(0, both.code(), both.err());
        assertTrue(both.out().matches("20 images, with flip\\+poisson: " + SCORES + "\n"), both.out());
        assertNotEquals(plain.out().substring(plain.out().indexOf(':')), both.out().substring(both.out().indexOf(':')),
                "the options change the scores");
        assertEquals(new Result(1, "", "error: --tta must be none or flip, not 'twice'" + System.lineSeparator()),
                cli(concat(scored, "--tta", "twice")));

        Path photo = Files.list(SharedData.scenes().resolve("test")).sorted().findFirst().orElseThrow();
        Path out = dir.resolve("blended.png");
        Result r = cli("inpaint", "--model", model, "--input", photo.toString(), "--box", "60,60,30,30", "--blend",
                "poisson", "--tta", "flip", "--output", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(out));
        assertEquals(new Result(1, "", "error: --blend must be none or poisson, not 'alpha'" + System.lineSeparator()),
                cli("inpaint", "--model", model, "--input", photo.toString(), "--blend", "alpha", "--output",
                        dir.resolve("alpha.png").toString()));
        assertFalse(Files.exists(dir.resolve("alpha.png")));
    }

    private static String[] concat(String[] args, String... more) {
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
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
    void trainHelpListsTheRegisteredArchitectures() {
        Result help = cli("train", "--help");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().replaceAll("\\s+", " ").contains("image size: ce32, unet128, unet32"), help.out());
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

    @Test
    void invalidOptionsAreRefusedInOneSentenceBeforeAnyFileIsWritten() {
        Path out = dir.resolve("invalid");
        String rate = "the learning rate must be a finite number above 0 (the paper's is 0.001), not ";
        String limit = " image limit of -5 is not possible: give 0 (all images) or a positive number";
        Map<List<String>, String> refused = new LinkedHashMap<>();
        refused.put(List.of("--lr", "Infinity"), rate + "Infinity");
        refused.put(List.of("--lr", "NaN"), rate + "NaN");
        refused.put(List.of("--lr", "-1"), rate + "-1.0");
        refused.put(List.of("--hole", "40"), "the 32x32 models predict a 16x16 centre, so their hole must be 16 px, not 40");
        refused.put(List.of("--train-limit", "-5"), "a training" + limit);
        refused.put(List.of("--test-limit", "-5"), "a test" + limit);
        refused.put(List.of("--train-holes", "edge"), "unknown training holes 'edge': use center or random");
        refused.put(List.of("--architecture", "unet32", "--train-holes", "random"), "random training holes need a"
                + " model that fills a hole wherever it is, and unet32's skip connections are cropped to the centre:"
                + " use ce32, or --train-holes center");
        refused.put(List.of("--schedule", "cosine", "--lr-patience", "2"), "a cosine schedule sets the learning rate"
                + " of every batch, so it cannot also halve on plateaus: drop --lr-patience (or give 0), or use"
                + " --schedule constant");
        refused.put(List.of("--ema", "1"), "the weight average's decay must be at least 0 (no average) and below 1,"
                + " such as 0.999, not 1.0");
        refused.put(List.of("--scene-crops", "-1"), "a number of scene crops of -1 is not possible: give 0 (none) or"
                + " a positive number");
        refused.put(List.of("--experiment", "landmark", "--scene-crops", "10"), "scene crops add the landmark"
                + " training photos to CIFAR-10's images, and the landmark experiment trains on photos already: give"
                + " --scene-crops only to the general and truck experiments");
        String joint = " belongs to the joint loss: add --loss joint, or leave it out for the L2 loss";
        refused.put(List.of("--adv-weight", "0.01"), "--adv-weight" + joint);
        refused.put(List.of("--loss", "l2", "--discriminator", "context"), "--discriminator" + joint);
        refused.put(List.of("--loss", "joint", "--adv-weight", "1.5"), "the adversarial weight is the adversarial"
                + " term's share of the generator's loss, so it must lie in [0, 1] (Pathak et al.'s is 0.001), not 1.5");
        refused.put(List.of("--loss", "joint", "--adv-weight", "-0.1"), "the adversarial weight is the adversarial"
                + " term's share of the generator's loss, so it must lie in [0, 1] (Pathak et al.'s is 0.001), not -0.1");
        refused.put(List.of("--loss", "gan"), "unknown loss 'gan': use l2 or joint");
        refused.put(List.of("--loss", "joint", "--discriminator", "global"),
                "unknown discriminator 'global': use patch or context");
        refused.put(List.of("--loss", "joint", "--optimizer", "sgd"), "the joint loss trains with Adam at beta1 0.5"
                + " (Pathak et al.), so its optimizer is adam or adamw, not sgd");
        Path none = dir.resolve("none.zip");
        refused.put(List.of("--init-from", none.toString()), "no model file at " + none + ": train one with 'train"
                + " --out DIR' (it writes DIR/model.zip) and pass that path");
        Path model = run.resolve("model.zip");
        refused.put(List.of("--init-from", model.toString(), "--fill", "zero"), model + " holds a ce32 model of 16 px"
                + " holes with the mean fill, and this run trains a ce32 model of 16 px holes with the zero fill: start"
                + " from a model with the run's architecture, hole and fill, or give the run the model's");
        refused.put(List.of("--init-from", model.toString(), "--architecture", "unet32", "--fill", "mean"), model
                + " holds a ce32 model of 16 px holes with the mean fill, and this run trains a unet32 model of 16 px"
                + " holes with the mean fill: start from a model with the run's architecture, hole and fill, or give"
                + " the run the model's");
        refused.forEach((change, sentence) -> {
            Result r = cli(train(out, change.toArray(String[]::new)));
            assertEquals(1, r.code(), change + ": " + r.out());
            assertEquals("error: " + sentence + System.lineSeparator(), r.err(), change.toString());
            assertFalse(Files.exists(out), change + " left " + out);
        });
        Path damaged = dir.resolve("damaged.zip");
        try {
            Files.write(damaged, new byte[]{80, 75, 3, 4, 0, 0});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Result r = cli(train(out, "--init-from", damaged.toString()));
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().startsWith("error: " + damaged + " cannot be read as a model ("), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(Files.exists(out), "a damaged model left " + out);
        String scores = "error: --limit must be 0 (all images) or a positive number, not -5" + System.lineSeparator();
        assertEquals(new Result(1, "", scores), cli("evaluate", "--model", run.resolve("model.zip").toString(),
                "--experiment", "truck", "--limit", "-5", "--data-dir", SharedData.root().toString()));
        assertEquals(new Result(1, "", scores), cli("baselines", "--experiment", "truck", "--limit", "-5",
                "--data-dir", SharedData.root().toString()));
    }

    @Test
    void aResumeWithAnySettingThatShapesTheModelOrItsDataChangedIsRefusedAndWritesNothing() throws IOException {
        Map<String, String> before = contents(run);
        for (List<String> change : List.of(List.of("--experiment", "general"), List.of("--architecture", "unet32"),
                List.of("--fill", "zero"), List.of("--seed", "7"), List.of("--optimizer", "sgd"),
                List.of("--lr", "0.01"), List.of("--batch", "8"), List.of("--no-flip"), List.of("--train-limit", "40"),
                List.of("--test-limit", "8"), List.of("--lr-patience", "2"), List.of("--validation", "test"),
                List.of("--train-holes", "random"), List.of("--scene-crops", "10"), List.of("--schedule", "cosine"),
                List.of("--ema", "0.9"),
                List.of("--loss", "joint"), List.of("--init-from", run.resolve("model.zip").toString()))) {
            Result r = cli(train(run, change.toArray(String[]::new)));
            assertEquals(1, r.code(), change + ": " + r.out());
            assertTrue(r.err().startsWith("error: " + run + " holds a run trained with "), change + ": " + r.err());
            assertTrue(r.err().endsWith(": resume it with the same settings (only the epochs and patience may change,"
                    + " the epochs not under a cosine schedule), or choose another output folder" + System.lineSeparator()), r.err());
            assertEquals(before, contents(run), change + " changed the run's files");
        }
        Result general = cli(train(run, "--experiment", "general"));
        assertTrue(general.err().contains("trained with experiment=truck, not experiment=general"), general.err());
    }

    /**
     * Random holes, scene crops, the cosine schedule and a weight average in one small run: its settings and manifest
     * say so, it trained on the crops too, keeps the average's state, and resumes only over the same epochs.
     */
    @Test
    void aRunWithTheWholeRecipeRecordsWhatItTrainedOnAndKeepsItsScheduleOnAResume() throws IOException {
        Path recipe = dir.resolve("recipe");
        Result r = cli(train(recipe, "--train-holes", "random", "--scene-crops", "32", "--schedule", "cosine",
                "--ema", "0.99"));
        assertEquals(0, r.code(), r.out() + r.err());
        String config = Files.readString(recipe.resolve("config.properties"));
        for (String setting : List.of("train_holes=random", "scene_crops=32", "schedule=cosine", "schedule_epochs=1",
                "ema=0.99")) {
            assertTrue(config.contains(setting + "\n"), setting + " in " + config);
        }
        Map<String, String> manifest = org.contextencoder.experiment.Manifest.read(recipe.resolve(
                "manifest.properties")).entries();
        assertEquals("80", manifest.get("train_images"), "48 trucks and 32 crops");
        assertEquals("16", manifest.get("validation_images"));
        assertTrue(manifest.get("data_source").contains("32 random crops of the training photos (less the validation"
                + " ones) in " + SharedData.scenes() + ", validation and test images CIFAR-10's only"), manifest.get(
                "data_source"));
        assertTrue(Files.isRegularFile(recipe.resolve("checkpoint").resolve("ema-1.state")));

        Result longer = cli(train(recipe, "--train-holes", "random", "--scene-crops", "32", "--schedule", "cosine",
                "--ema", "0.99", "--epochs", "2"));
        assertEquals(1, longer.code(), longer.out());
        assertTrue(longer.err().contains("trained with schedule_epochs=1, not schedule_epochs=2"), longer.err());
    }

    /**
     * The small run's model fine-tuned with the joint loss: the history has the adversarial parts, the settings the
     * loss and the model started from, and a resume must bring the same.
     */
    @Test
    void aJointRunFineTunesATrainedModelAndResumesOnlyWithTheSameLoss() throws IOException {
        Path joint = dir.resolve("joint");
        String model = run.resolve("model.zip").toString();
        Result r = cli(train(joint, "--loss", "joint", "--init-from", model));
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains(", adversarial 0."), "the epoch line: " + r.out());
        assertEquals("epoch,train_loss,val_loss,seconds,adversarial,discriminator",
                Files.readAllLines(joint.resolve("history.csv")).get(0));
        String config = Files.readString(joint.resolve("config.properties"));
        for (String setting : List.of("loss=joint", "adv_weight=0.001", "discriminator=patch", "adam_beta1=0.5",
                "init_from=" + model, "init_from_sha256=")) {
            assertTrue(config.contains(setting), setting + " in " + config);
        }
        Map<String, String> before = contents(joint);
        Result other = cli(train(joint, "--loss", "joint", "--adv-weight", "0.01", "--init-from", model));
        assertEquals(1, other.code(), other.out());
        assertTrue(other.err().contains("trained with adv_weight=0.001, not adv_weight=0.01"), other.err());
        Result fresh = cli(train(joint, "--loss", "joint"));
        assertTrue(fresh.err().contains("trained with init_from_sha256="), fresh.err());
        assertEquals(before, contents(joint));
    }

    /** Every file in the folder and below, by relative path, with its bytes. */
    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(f).toString(),
                        new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    @Test
    void aSecondTrainingIntoAFolderInUseIsRefusedBeforeItWritesAnything() throws Exception {
        Path busy = dir.resolve("busy");
        LockHolder.Holder other = LockHolder.start(busy);
        try {
            Result r = cli(train(busy));
            assertEquals(1, r.code(), r.out());
            assertEquals("error: " + busy + " is in use by another training run (process " + other.process().pid()
                    + "): wait for it to finish or stop it, or choose another output folder" + System.lineSeparator(),
                    r.err());
            try (Stream<Path> files = Files.list(busy)) {
                assertEquals(List.of(".train.lock"), files.map(f -> f.getFileName().toString()).toList());
            }
        } finally {
            other.process().destroyForcibly().waitFor();
        }
    }
}
