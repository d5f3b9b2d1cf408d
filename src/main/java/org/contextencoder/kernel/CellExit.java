package org.contextencoder.kernel;

import java.util.Arrays;

/** What a cell's {@code System.exit} calls instead ({@link ExitRemapping}): cells share the kernel's JVM. */
public final class CellExit {

    private CellExit() {
    }

    /** Refuses the exit; the stack trace starts at the cell's call, so that the error names its line. */
    public static void exit(int status) {
        SecurityException refused = new SecurityException("System.exit(" + status + ") would end the kernel, "
                + "so cells may not call it: to stop the kernel, shut it down or restart it from Jupyter");
        StackTraceElement[] trace = refused.getStackTrace();
        refused.setStackTrace(Arrays.copyOfRange(trace, 1, trace.length));
        throw refused;
    }
}
