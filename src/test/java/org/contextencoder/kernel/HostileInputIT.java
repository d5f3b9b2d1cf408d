package org.contextencoder.kernel;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kernel just built, under hostile or clumsy input through its real sockets (src/test/python/hostile_input.py):
 * a message signed with the wrong key, an interrupted cell that sleeps or swallows interrupts, System.exit in a
 * cell. After each, the kernel must still answer.
 */
class HostileInputIT {

    @ParameterizedTest
    @ValueSource(strings = {"bad-signature", "interrupt-sleeping-cell", "interrupt-swallowing-cell", "system-exit"})
    @Timeout(600)
    void theKernelStillAnswersAfter(String hostileCase) throws Exception {
        ExternalCommand.requirePythonModules("jupyter_client");
        ExternalCommand.Result result = ExternalCommand.run(ExternalCommand.builtKernel(), "hostile-" + hostileCase,
                ExternalCommand.PYTHON, "src/test/python/hostile_input.py", hostileCase);
        ExternalCommand.assertSucceeded(result, "the kernel under " + hostileCase);
    }
}
