package org.contextencoder.train;

import org.contextencoder.model.InpaintingModel;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.DataSet;

/** The paper's step: one update of the model on the masked MSE its loss layer computes. */
final class L2Step implements TrainingStep {

    static final String LOSS = "l2";

    private final ComputationGraph graph;
    private final boolean decays;

    L2Step(InpaintingModel model, TrainingConfig config) {
        this.graph = model.graph();
        this.decays = config.optimizer().weightDecay() > 0;
    }

    @Override
    public BatchLosses fit(Batch batch) {
        // DL4J's score adds the weight-decay penalty (AdamW); the loss reported is the MSE alone.
        double penalty = decays ? graph.calcRegularizationScore(true) : 0;
        graph.fit(new DataSet(batch.features(), batch.labels()));
        return BatchLosses.of(LOSS, graph.score() - penalty);
    }
}
