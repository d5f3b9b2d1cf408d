package org.contextencoder.cli;

import org.contextencoder.data.PhotoReader;
import org.contextencoder.eval.InferenceOptions;
import org.contextencoder.eval.PhotoRepair;
import org.contextencoder.io.AtomicFiles;
import org.contextencoder.model.ModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "inpaint", mixinStandardHelpOptions = true, description = "Repair a region of your own photo.")
final class InpaintCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "FILE")
    Path modelFile;

    @Option(names = "--input", required = true, paramLabel = "PHOTO", description = "A JPEG or PNG photo.")
    Path input;

    @Option(names = "--box", paramLabel = "x,y,w,h", description = "Region to repair (default: the photo's centre).")
    String box;

    @Mixin
    InferenceOption inference;

    @Option(names = "--output", required = true, paramLabel = "PNG",
            description = "The repaired photo; outside the box every pixel, alpha included, stays as it was.")
    Path output;

    @Override
    public Integer call() {
        if (Files.isDirectory(output)) {
            throw new IllegalArgumentException("--output " + output + " is a folder: give the PNG file to write, "
                    + "such as " + output.resolve("repaired.png"));
        }
        InferenceOptions options = inference.value();
        PhotoRepair repair = new PhotoRepair(ModelFile.load(modelFile), options);
        BufferedImage photo = PhotoReader.read(input, PhotoReader.budgetForOnePhoto());
        Rectangle region = box == null ? repair.defaultBox(photo) : parseBox(box);
        AtomicFiles.writePng(output, repair.repair(photo, region));
        System.out.println("repaired " + region.x + "," + region.y + "," + region.width + "," + region.height
                + " -> " + output);
        return 0;
    }

    static Rectangle parseBox(String text) {
        String[] f = text.split(",");
        try {
            if (f.length != 4) throw new NumberFormatException();
            return new Rectangle(Integer.parseInt(f[0].trim()), Integer.parseInt(f[1].trim()),
                    Integer.parseInt(f[2].trim()), Integer.parseInt(f[3].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--box needs four whole numbers x,y,w,h, got '" + text + "'");
        }
    }
}
