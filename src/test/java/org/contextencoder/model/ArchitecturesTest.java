package org.contextencoder.model;

import org.contextencoder.mask.HoleFill;
import org.contextencoder.mask.HoleFill;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchitecturesTest {

    /** A model beyond the registered ones, as a newcomer would add it: one class, one registration. */
    private static final class OneConvolution extends Architecture {
        OneConvolution() {
            super("one-conv-test", 32, 16, HoleFill.Choice.ZERO, 8, 8);
        }

        @Override
        public void requireHole(int hole) {
            if (hole != 16) throw new IllegalArgumentException("16 px holes only, not " + hole);
        }

        @Override
        public ComputationGraphConfiguration configuration(long seed, IUpdater updater, double weightDecay, int hole,
                                                           Layout layout) {
            return new NeuralNetConfiguration.Builder().seed(seed).updater(updater).graphBuilder()
                    .addInputs("image").setInputTypes(InputType.convolutional(32, 32, 3))
                    .addLayer("conv", new ConvolutionLayer.Builder(17, 17).nOut(3).activation(Activation.SIGMOID)
                            .build(), "image")
                    .addLayer("mse", new LossLayer.Builder(LossFunctions.LossFunction.MSE).build(), "conv")
                    .setOutputs("mse").build();
        }
    }

    @Test
    void thePapersModelsAndOursAreRegisteredAndFoundByIdInAnyCase() {
        assertEquals(List.of(Architecture.CE32, Architecture.UNET128, Architecture.UNET32),
                Architectures.all().subList(0, 3));
        for (Architecture a : Architectures.all()) assertSame(a, Architecture.parse(a.id().toUpperCase()));
        assertEquals(List.of("ce32", "unet128", "unet32"), Architectures.all().subList(0, 3).stream()
                .map(Architecture::id).toList());
        assertSame(Architecture.CE32, Architectures.forImageSize(32), "the paper's 32 px model comes first");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Architecture.parse("resnet"));
        assertTrue(unknown.getMessage().startsWith("unknown architecture 'resnet': use ce32, unet128, unet32"),
                unknown.getMessage());
        assertEquals("no model takes 64x64 images: use 32 or 128",
                assertThrows(IllegalArgumentException.class, () -> Architectures.forImageSize(64)).getMessage());
    }

    @Test
    void anIdMustBeOneLowerCaseWord() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Architecture("My Net",
                32, 16, HoleFill.Choice.MEAN, 8, 8) {
            @Override
            public void requireHole(int hole) {
            }

            @Override
            public ComputationGraphConfiguration configuration(long seed, IUpdater updater, double weightDecay,
                                                               int hole, Layout layout) {
                throw new UnsupportedOperationException();
            }
        });
        assertEquals("an architecture's id is a lower-case name without spaces, not 'My Net'", e.getMessage());
    }

    @Test
    void aRegisteredModelIsFoundByItsIdAndItsModelFilesLoad(@TempDir Path dir) {
        Architecture added = new OneConvolution();
        Architectures.register(added);
        assertSame(added, Architecture.parse("One-Conv-Test"));
        assertTrue(Architectures.ids().contains("one-conv-test"), Architectures.ids());
        assertSame(Architecture.CE32, Architectures.forImageSize(32), "a later model does not replace the paper's");

        InpaintingModel model = new InpaintingModel(added.build(3, new Adam(1e-3), 0, 16), added, 16,
                new HoleFill.Solid(new float[]{0, 0, 0}));
        ModelFile.save(model, dir.resolve("model.zip"));
        assertSame(added, ModelFile.load(dir.resolve("model.zip")).architecture());

        assertEquals("an architecture with the id one-conv-test is already registered: give the new one another id",
                assertThrows(IllegalArgumentException.class, () -> Architectures.register(new OneConvolution()))
                        .getMessage());
    }
}
