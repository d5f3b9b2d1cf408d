package org.contextencoder.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the Jupyter project's kernel conformance harness (jupyter_kernel_test) against the kernel
 * just built into target/, through a kernelspec written for it.
 */
class KernelConformanceIT {

    /** The harness tests the kernel has no counterpart for: pages (an IPython feature) and clear_output. */
    private static final Set<String> EXPECTED_SKIPS = Set.of("test_pager", "test_clear_output");

    @Test
    @Timeout(600)
    void passesJupyterKernelTest() throws Exception {
        ExternalCommand.requirePythonModules("jupyter_client", "jupyter_kernel_test");
        ExternalCommand.Result result = ExternalCommand.run(ExternalCommand.builtKernel(), "kernel-conformance",
                ExternalCommand.PYTHON, "src/test/python/kernel_conformance.py");

        ExternalCommand.assertSucceeded(result, "the kernel conformance suite");
        Matcher ran = Pattern.compile("Ran (\\d+) tests?").matcher(result.output());
        assertTrue(ran.find() && Integer.parseInt(ran.group(1)) >= 13, "the suite ran too few tests:\n" + result.output());
        Set<String> skipped = Pattern.compile("^(test_\\w+) \\(.*\\) \\.\\.\\. skipped", Pattern.MULTILINE)
                .matcher(result.output()).results().map(m -> m.group(1)).collect(Collectors.toSet());
        assertEquals(EXPECTED_SKIPS, skipped, "unexpected skips:\n" + result.output());
    }
}
