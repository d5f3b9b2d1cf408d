package org.contextencoder.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.Loop;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

import java.io.PrintStream;
import java.lang.reflect.Field;
import java.security.GeneralSecurityException;

/**
 * The kernel's sockets, with shell and control channels that drop a message they cannot read (signed with the
 * wrong key, malformed) and read the next. The library's channel thread dies on such a message instead, so any
 * local process could leave Jupyter a kernel whose heartbeat beats but that never answers again.
 */
final class ResilientConnection extends JupyterConnection {

    /** The library's pause between polls of a channel, kept after a dropped message. */
    private static final long POLL_PAUSE_MS = 50;

    private final PrintStream log;

    ResilientConnection(KernelConnectionProperties properties, PrintStream log) throws GeneralSecurityException {
        super(properties);
        this.log = log;
    }

    @Override
    public void connect() {
        super.connect();
        dropUnreadable(shell, "shell");
        dropUnreadable(control, "control");
    }

    private void dropUnreadable(ShellChannel channel, String name) {
        loopOf(channel).onError(failure -> {
            if (failure instanceof Error error) {
                throw error;
            }
            log.println("Kernel: dropped a message on the " + name + " channel: " + failure);
            return POLL_PAUSE_MS;
        });
    }

    /** The channel's polling thread, which the library keeps private (jjava-jupyter 1.0-a6). */
    private static Loop loopOf(ShellChannel channel) {
        try {
            Field loop = ShellChannel.class.getDeclaredField("ioloop");
            loop.setAccessible(true);
            return (Loop) loop.get(channel);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("jjava-jupyter's ShellChannel no longer has the ioloop field this kernel "
                    + "guards; check ResilientConnection against the library version in pom.xml", e);
        }
    }
}
