package org.contextencoder.experiment;

import org.contextencoder.SharedData;
import org.contextencoder.train.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RunPipelineTest {

    /**
     * DL4J keeps a thread's workspaces sized for its next training step; once a run has trained, its thread (a
     * notebook kernel's cell thread, for one) holds none of them.
     */
    @Test
    void aFinishedRunLeavesNoWorkspacesOnItsThread(@TempDir Path dir) {
        RunSpec spec = RunSpec.of(Experiment.TRUCK, 1, SharedData.root()).withLimits(48, 16);
        assertEquals(1, RunPipeline.trainOnly(spec, dir, ProgressListener.SILENT).size());
        assertEquals(0, Nd4j.getWorkspaceManager().getAllWorkspacesForCurrentThread().size());
    }
}
