package org.nd4j.nativeblas;

import org.contextencoder.backend.NativeCpuEnvironment;

/**
 * Compatibility shim, not part of ND4J. DL4J 1.0.0-M2.1's {@code BaseMKLDNNHelper.mklDnnEnabled()} decides whether
 * the oneDNN layer helpers may run by loading {@code org.nd4j.nativeblas.Nd4jCpu$Environment} reflectively and calling
 * {@code getInstance().isUseMKLDNN()}. ND4J M2.1 moved that class to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu} (and renamed the flag to {@code isUseONEDNN}), so the lookup
 * fails and every layer silently takes the slow built-in path. This class restores the old name and answers with the
 * native flag. It is on the plain classpath (unnamed module), where split packages are allowed.
 */
public final class Nd4jCpu {
    private Nd4jCpu() {
    }

    /** The two members DL4J's check calls: {@code getInstance()} and {@code isUseMKLDNN()}. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        public boolean isUseMKLDNN() {
            return NativeCpuEnvironment.isUseOneDnn();
        }
    }
}
