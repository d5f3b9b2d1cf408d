package org.contextencoder.cli;

import org.contextencoder.data.ImageSet;
import org.contextencoder.eval.Evaluator;
import org.contextencoder.eval.InferenceOptions;
import org.contextencoder.eval.ModelInpainter;
import org.contextencoder.eval.Score;
import org.contextencoder.experiment.PhotoSplitSeed;
import org.contextencoder.model.InpaintingModel;
import org.contextencoder.model.ModelFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Masked MSE, masked L1, SSIM, detail ratio and PSNR of a trained model on an experiment's split"
                + " or a folder of photos, with the inference options chosen.")
final class EvaluateCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model.zip written by train.")
    Path modelFile;

    @ArgGroup(exclusive = true, multiplicity = "1")
    ImageChoice images;

    @Mixin
    LimitOption limit;

    @Mixin
    InferenceOption inference;

    @Override
    public Integer call() {
        InferenceOptions options = inference.value();
        InpaintingModel model = ModelFile.load(modelFile);
        long photoSplitSeed = PhotoSplitSeed.of(modelFile.toAbsolutePath().getParent());
        ImageSet set = images.load(data.root(), model.imageSize(), limit.value(), photoSplitSeed).scored();
        Score s = new Evaluator(model.architecture().inferenceBatch()).score(options.around(new ModelInpainter(model)),
                set, model.mask());
        String with = options.equals(InferenceOptions.NONE) ? "" : ", with " + options.describe();
        System.out.printf(Locale.ROOT, "%d images%s: %s%n", s.images(), with, s.summary());
        return 0;
    }
}
