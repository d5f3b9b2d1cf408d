package org.contextencoder.experiment;

import org.contextencoder.train.Optimizer;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SweepTest {

    @Test
    void aRunIsNamedByOptimizerAndLearningRate() {
        assertEquals("adam lr=0.001", Sweep.runName(Optimizer.ADAM, 0.001));
        assertEquals("sgd lr=0.01", Sweep.runName(Optimizer.SGD, 0.01));
        assertEquals("rmsprop lr=0.0001", Sweep.runName(Optimizer.RMSPROP, 0.0001));
    }

    @Test
    void theGridHasTwelveDistinctRuns() {
        Set<String> names = new HashSet<>();
        for (Optimizer o : Sweep.OPTIMIZERS) for (double lr : Sweep.LEARNING_RATES) names.add(Sweep.runName(o, lr));
        assertEquals(12, names.size());
    }
}
