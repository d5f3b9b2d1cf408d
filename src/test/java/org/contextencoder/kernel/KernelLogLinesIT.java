package org.contextencoder.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The kernel just built, as its kernelspec starts it, shows the workbench's warnings in a cell's output and none of
 * its INFO lines (src/test/python/log_lines.py): committed notebooks carry no log lines that do not inform.
 */
class KernelLogLinesIT {

    @Test
    @Timeout(600)
    void cellsShowWarningsButNoInfoLines() throws Exception {
        ExternalCommand.requirePythonModules("jupyter_client");
        ExternalCommand.assertSucceeded(ExternalCommand.run(ExternalCommand.builtKernel(), "kernel-log-lines",
                ExternalCommand.PYTHON, "src/test/python/log_lines.py"), "the kernel's log lines");
    }
}
