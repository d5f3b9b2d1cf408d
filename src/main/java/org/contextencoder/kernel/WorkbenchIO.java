package org.contextencoder.kernel;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIO;

import java.nio.charset.StandardCharsets;

/** Cell I/O bound to the request being executed; exposes what the library keeps package-private. */
final class WorkbenchIO extends JupyterIO {

    WorkbenchIO() {
        super(StandardCharsets.UTF_8);
    }

    void attach(ShellReplyEnvironment env, boolean stdinEnabled) {
        setEnv(env);
        setJupyterInEnabled(stdinEnabled);
    }

    /** Sends what cells printed but did not end with a newline yet. */
    void flush() {
        out.flush();
        err.flush();
    }

    void detach(ShellReplyEnvironment env) {
        flush();
        retractEnv(env);
    }
}
