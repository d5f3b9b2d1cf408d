package org.contextencoder.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A kernel whose Jupyter process is killed (a stopped notebook run, a crashed server) exits by itself instead of
 * running on, orphaned: src/test/python/orphaned_kernel.py kills the process that started the kernel just built.
 */
class OrphanedKernelIT {

    @Test
    @Timeout(300)
    void exitsWhenTheJupyterProcessThatStartedItIsKilled() throws Exception {
        ExternalCommand.requirePythonModules("jupyter_client");
        ExternalCommand.Result result = ExternalCommand.run(ExternalCommand.builtKernel(), "orphaned-kernel",
                ExternalCommand.PYTHON, "src/test/python/orphaned_kernel.py");
        ExternalCommand.assertSucceeded(result, "the orphaned-kernel check");
    }
}
