package org.contextencoder.model;

import org.contextencoder.SharedData;
import org.contextencoder.data.Cifar10;
import org.contextencoder.data.ImageSet;
import org.contextencoder.data.Split;
import org.contextencoder.mask.CenterMask;
import org.contextencoder.mask.HoleFill;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContextDiscriminatorTest {

    private static final CenterMask MASK = new CenterMask(32, 16);

    @Test
    void theGlobalNetworkSeesTheImageWithThePatchInItsHole() {
        ImageSet cifar = Cifar10.openFolder(SharedData.cifar()).split(Split.TEST, List.of(), 4);
        int[] order = IntStream.range(0, 4).toArray();
        float[] originals = new float[4 * cifar.valuesPerImage()];
        cifar.copyTo(order, 0, 4, originals);
        float[] covered = originals.clone();
        float[] patches = new float[4 * 3 * 16 * 16];
        MASK.cut(covered, order, 0, 4, patches);
        new HoleFill.Solid(new float[]{0.5f, 0.5f, 0.5f}).paint(covered, order, 0, 4, MASK);

        ContextDiscriminator d = ContextDiscriminator.build(32, 16, 1, 1e-3);
        List<INDArray> inputs = d.inputs(Nd4j.create(covered, new long[]{4, 3, 32, 32}, 'c'),
                Nd4j.create(patches, new long[]{4, 3 * 16 * 16}, 'c'));

        assertArrayEquals(patches, inputs.get(0).dup('c').data().asFloat(), "the local network sees the patch");
        assertArrayEquals(originals, inputs.get(1).dup('c').data().asFloat(),
                "the true patch in its hole gives back the original image");
        assertEquals(2, d.networks().size());
        assertArrayEquals(new long[]{4, 1}, d.networks().get(1).output(inputs.get(1)).shape());
    }

    @Test
    void thePatchsGradientIsTheLocalOnePlusTheGlobalOneOverTheHole() {
        ContextDiscriminator d = ContextDiscriminator.build(32, 16, 1, 1e-3);
        INDArray local = Nd4j.rand(DataType.FLOAT, 2, 3, 16, 16);
        INDArray global = Nd4j.rand(DataType.FLOAT, 2, 3, 32, 32);
        INDArray g = d.patchGradient(List.of(local, global));
        assertArrayEquals(new long[]{2, 3 * 16 * 16}, g.shape());
        INDArray expected = local.add(global.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(8, 24),
                NDArrayIndex.interval(8, 24)));
        assertEquals(expected.reshape('c', 2, 3 * 16 * 16), g);
    }

    @Test
    void aGeneratorOfOtherImagesOrHolesIsRefused() {
        ContextDiscriminator d = ContextDiscriminator.build(32, 16, 1, 1e-3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.requireFits(128, 32));
        assertTrue(e.getMessage().contains("judges 16 px holes in 32 px images but the generator fills 32 px holes"
                + " in 128 px images"), e.getMessage());
    }
}
