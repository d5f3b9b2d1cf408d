package org.contextencoder.experiment;

import org.contextencoder.SharedData;
import org.contextencoder.mask.HoleFill;
import org.contextencoder.model.InpaintingModel;
import org.contextencoder.train.JointStep;
import org.contextencoder.train.Optimizer;
import org.contextencoder.train.ProgressListener;
import org.contextencoder.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library's way to a joint run, as notebooks take it: an L2 run, then the joint loss fine-tuning its model. */
class JointRunTest {

    private static double meanAbsoluteDifference(InpaintingModel a, INDArray b) {
        return a.graph().params().sub(b).amean().getDouble(0);
    }

    @Test
    void anL2ModelFineTunedWithTheJointLossThroughThePipeline(@TempDir Path dir) {
        RunSpec l2 = RunSpec.of(Experiment.TRUCK, 1, SharedData.root()).withLimits(48, 16)
                .withTraining(new TrainingConfig(1, 16, Optimizer.ADAM, 1e-3, 7, 0, HoleFill.Choice.MEAN, true));
        RunPipeline.trainOnly(l2, dir.resolve("l2"), ProgressListener.SILENT);
        Path file = dir.resolve("l2").resolve("model.zip");
        InpaintingModel start = RunFolder.model(dir.resolve("l2"));

        // Another seed and fewer images: new weights and the mean colour of other images, unless the model's are used.
        RunSpec joint = RunSpec.of(Experiment.TRUCK, 1, SharedData.root()).withLimits(32, 16)
                .withTraining(new TrainingConfig(1, 16, Optimizer.ADAM, 1e-4, 42, 0, HoleFill.Choice.MEAN, true))
                .withJointLoss(0.01).withInitFrom(file);
        TrainedRun run = RunPipeline.train(joint, dir.resolve("joint"), ProgressListener.SILENT);

        assertEquals(start.fill(), run.model().fill(), "the fill the starting weights were trained with");
        INDArray fresh = RunPipeline.newModel(joint, run.data()).graph().params();
        double moved = meanAbsoluteDifference(run.model(), start.graph().params());
        double apart = meanAbsoluteDifference(run.model(), fresh);
        assertTrue(moved < apart / 20, "fine-tuned weights moved " + moved + " from the L2 model's, new ones lie "
                + apart + " away");
        assertNotEquals(new HoleFill.Solid(run.data().train().meanColour()), run.model().fill());

        Map<String, Double> losses = run.history().last().otherLosses();
        assertTrue(losses.get(JointStep.ADVERSARIAL) > 0 && losses.get(JointStep.DISCRIMINATOR) > 0, losses.toString());
        Map<String, String> manifest = RunFolder.manifest(dir.resolve("joint")).entries();
        assertEquals("joint", manifest.get("loss"));
        assertEquals("0.01", manifest.get("adv_weight"));
        assertEquals("0.5", manifest.get("adam_beta1"));
        assertEquals(file.toString(), manifest.get("init_from"));
        assertEquals(StartingModel.of(file).sha256(), manifest.get("init_from_sha256"));
        assertTrue(Files.isRegularFile(dir.resolve("joint").resolve("checkpoint").resolve("discriminator-1.state")));
        assertTrue(Files.isRegularFile(dir.resolve("joint").resolve("metrics.csv")));
    }
}
