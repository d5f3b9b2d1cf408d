package org.contextencoder.cli;

import org.contextencoder.experiment.Experiment;
import org.contextencoder.experiment.RunPipeline;
import org.contextencoder.experiment.RunSpec;
import org.contextencoder.experiment.TrainedRun;
import org.contextencoder.experiment.ValidationSplit;
import org.contextencoder.mask.HoleFill;
import org.contextencoder.model.Architecture;
import org.contextencoder.model.Discriminator;
import org.contextencoder.train.ConsoleProgress;
import org.contextencoder.train.Optimizer;
import org.contextencoder.train.Recipe;
import org.contextencoder.train.TrainingConfig;
import org.contextencoder.train.TrainingLoss;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a context encoder; rerun with the same --out to resume an interrupted run.")
final class TrainCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Option(names = "--experiment", required = true, description = "general, truck or landmark")
    String experiment;

    @Option(names = "--architecture", completionCandidates = ArchitectureIds.class,
            description = "The network, one that takes the experiment's image size: ${COMPLETION-CANDIDATES} "
                    + "(default: the paper's model for the experiment).")
    String architecture;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (resumes if it holds a run).")
    Path out;

    @Option(names = "--epochs", defaultValue = "20", description = "Most epochs to train (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--patience", defaultValue = "0",
            description = "Stop after this many epochs without a better validation loss (0: never).")
    int patience;

    @Option(names = "--lr-patience", defaultValue = "0",
            description = "Halve the learning rate after this many epochs without a better validation loss (0: never).")
    int lrPatience;

    @Option(names = "--batch", description = "Batch size (default: 64 for 32 px, 16 for 128 px).")
    Integer batch;

    @Option(names = "--optimizer", defaultValue = "adam", description = "sgd, adam, adamw or rmsprop.")
    String optimizer;

    @Option(names = "--lr", defaultValue = "0.001", description = "Learning rate (default ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--hole", description = "Hole side in pixels (default: 16 for 32 px, 32 for 128 px).")
    Integer hole;

    @Option(names = "--fill", description = "What fills the hole in the model's input: mean, zero or harmonic "
            + "(default: mean for ce32, harmonic for the models with skip connections).")
    String fill;

    @Option(names = "--no-flip", description = "Do not mirror training images at random (the paper's setting).")
    boolean noFlip;

    @Option(names = "--train-holes", defaultValue = "center", paramLabel = "center|random",
            description = "Where the training images' holes are: center (default, the paper's) or random (a new "
                    + "place for every image in every epoch, from the seed; ce32 only, since the U-Nets' skips are "
                    + "cropped to the centre). Validation and scores keep the centre hole.")
    String trainHoles;

    @Option(names = "--scene-crops", defaultValue = "0", paramLabel = "N",
            description = "Add N random crops of the landmark experiment's training photos (DATA_DIR/scenes, less "
                    + "its validation photos), at many scales and shrunk to 32 px, to a CIFAR-10 experiment's "
                    + "training images (made from the seed; 0: none). Validation and test stay CIFAR-10's.")
    int sceneCrops;

    @Option(names = "--schedule", defaultValue = "constant", paramLabel = "constant|cosine",
            description = "The learning rate's course: constant (default) or cosine (a new rate every batch: "
                    + "warm-up over the first epoch, then half a cosine down to nearly 0 at the last epoch; not with "
                    + "--lr-patience).")
    String schedule;

    @Option(names = "--ema", defaultValue = "0", paramLabel = "DECAY",
            description = "Keep an exponential moving average of the weights with this decay (e.g. 0.999), which "
                    + "validation scores and the run keeps as its model (0: none, the default).")
    double ema;

    @Option(names = "--validation", defaultValue = "holdout", paramLabel = "holdout|test",
            description = "The images that choose the epoch kept, stop early and halve the learning rate. holdout "
                    + "(default): the last 10%% of the training images (CIFAR-10: the last 5,000 of 50,000, or 500 of "
                    + "a class's 5,000; photos: of the training photos in the split seed's shuffle), so the test "
                    + "split is scored once, at the end. test: the test split, the protocol of the committed Table 1 "
                    + "and of runs made before this option.")
    String validation;

    @Option(names = "--train-limit", defaultValue = "0",
            description = "Use at most N training images, counted after the validation images are held out (0: all).")
    int trainLimit;

    @Option(names = "--test-limit", defaultValue = "0",
            description = "Use at most N test images, and at most N held-out validation images (0: all).")
    int testLimit;

    @Option(names = "--photos", paramLabel = "DIR", description = "Landmark photos folder (default: DATA_DIR/scenes).")
    Path photos;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--loss", defaultValue = "l2", paramLabel = "l2|joint",
            description = "What the generator learns from: l2 (default), the paper's masked MSE; or joint, Pathak et "
                    + "al.'s (1 - W) L2 + W adversarial against a discriminator trained alongside (least squares; Adam "
                    + "with beta1 0.5 for both networks, the discriminator at a tenth of the learning rate).")
    String loss;

    @Option(names = "--adv-weight", paramLabel = "W",
            description = "The adversarial term's weight W in [0, 1] in the joint loss (default: 0.001, Pathak et al.'s).")
    Double advWeight;

    @Option(names = "--discriminator", paramLabel = "patch|context",
            description = "The joint loss's discriminator: patch (default), the hole's contents alone; or context, "
                    + "also the image around them.")
    String discriminator;

    @Option(names = "--init-from", paramLabel = "MODEL",
            description = "Start the generator from the weights of a finished model (DIR/model.zip) of the same "
                    + "architecture, hole and fill, e.g. to fine-tune an L2 model with the joint loss.")
    Path initFrom;

    @Override
    public Integer call() {
        Experiment e = Experiment.parse(experiment);
        Architecture a = architecture != null ? Architecture.parse(architecture) : e.architecture();
        TrainingConfig t = new TrainingConfig(epochs, batch != null ? batch : a.trainingBatch(),
                Optimizer.parse(optimizer), lr, seed, patience, fill != null ? HoleFill.Choice.parse(fill) : a.defaultFill(),
                !noFlip, lrPatience).withRecipe(new Recipe(Recipe.Holes.parse(trainHoles), sceneCrops,
                Recipe.Schedule.parse(schedule), ema));
        RunSpec spec = RunSpec.of(e, epochs, data.root()).withArchitecture(a).withTraining(t)
                .withHole(hole != null ? hole : a.defaultHole())
                .withLimits(trainLimit, testLimit).withPhotos(photos)
                .withValidation(ValidationSplit.parse(validation)).withLoss(loss())
                .withInitFrom(initFrom);
        TrainedRun report = RunPipeline.train(spec, out, new ConsoleProgress());
        System.out.println(report.metrics().table().print());
        System.out.println("best epoch " + report.history().best().epoch() + " of " + report.history().size()
                + "; results in " + out);
        return 0;
    }

    /** The loss the options choose; the joint loss's options without it are refused. */
    private TrainingLoss loss() {
        TrainingLoss.Kind kind = TrainingLoss.Kind.parse(loss);
        if (kind == TrainingLoss.Kind.L2) {
            if (advWeight != null || discriminator != null) {
                throw new IllegalArgumentException((advWeight != null ? "--adv-weight" : "--discriminator")
                        + " belongs to the joint loss: add --loss joint, or leave it out for the L2 loss");
            }
            return TrainingLoss.L2;
        }
        return TrainingLoss.joint(advWeight != null ? advWeight : TrainingLoss.PATHAK_WEIGHT,
                discriminator != null ? Discriminator.Choice.parse(discriminator) : Discriminator.Choice.PATCH);
    }
}
