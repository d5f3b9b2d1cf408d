package org.contextencoder.cli;

import org.contextencoder.data.ImageSet;
import org.contextencoder.eval.Baseline;
import org.contextencoder.eval.Evaluator;
import org.contextencoder.eval.Inpainter;
import org.contextencoder.eval.Score;
import org.contextencoder.experiment.Experiment;
import org.contextencoder.mask.CenterMask;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "baselines", mixinStandardHelpOptions = true,
        description = "Masked MSE, masked L1, SSIM, detail ratio and PSNR of the training-mean, ring-mean and harmonic"
                + " fills.")
final class BaselinesCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @ArgGroup(exclusive = true, multiplicity = "1")
    ImageChoice images;

    @Option(names = "--image-size", description = "32 or 128, with --images (default: the experiment's size).")
    Integer imageSize;

    @Option(names = "--hole", description = "Hole side (default: half of a 32 px image, a quarter of a 128 px one).")
    Integer hole;

    @Mixin
    LimitOption limit;

    @Override
    public Integer call() {
        int size = imageSize != null ? imageSize
                : images.experiment != null ? Experiment.parse(images.experiment.name).imageSize() : 0;
        if (size != 32 && size != 128) {
            throw new IllegalArgumentException("give --image-size 32 or 128 with --images");
        }
        int side = hole != null ? hole : (size == 32 ? 16 : 32);
        ImageChoice.Chosen chosen = images.load(data.root(), size, limit.value());
        ImageSet set = chosen.scored();
        CenterMask mask = new CenterMask(size, side);
        float[] mean = chosen.training().meanColour();
        System.out.printf(Locale.ROOT, "%d images, %dx%d hole in %dx%d:%n", set.count(), side, side, size, size);
        for (Inpainter baseline : Baseline.all(mean)) {
            Score s = new Evaluator(256).score(baseline, set, mask);
            System.out.printf(Locale.ROOT, "  %-10s %s%n", s.method(), s.summary());
        }
        return 0;
    }
}
