package org.contextencoder.kernel;

import org.contextencoder.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A notebook cell training with {@code TrainingView.live()} on the kernel just built: src/test/python/
 * live_training_view.py checks the messages the kernel sends (one display area, updated in place with a chart
 * redrawn each epoch, left with the chart and one summary line).
 */
class LiveTrainingViewIT {

    @Test
    @Timeout(900)
    void aTrainingCellUpdatesOneOutputAreaAndLeavesTheChartAndASummary() throws Exception {
        ExternalCommand.requirePythonModules("jupyter_client");
        ExternalCommand.Result result = ExternalCommand.run(ExternalCommand.builtKernel(), "live-training-view",
                ExternalCommand.PYTHON, "src/test/python/live_training_view.py", SharedData.cifar().toString());
        ExternalCommand.assertSucceeded(result, "the live training view check");
    }
}
