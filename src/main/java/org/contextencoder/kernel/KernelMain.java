package org.contextencoder.kernel;

import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Starts the kernel for Jupyter: {@code java ... org.contextencoder.kernel.KernelMain CONNECTION_FILE}.
 * The connection file says where to bind (and Jupyter makes that loopback) and the key that signs
 * every message.
 */
public final class KernelMain {

    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java " + KernelMain.class.getName() + " CONNECTION_FILE");
            System.exit(2);
        }
        ParentWatch.start(Duration.ofSeconds(1), () -> {
            System.err.println("Kernel: the Jupyter process that started this kernel has died; exiting");
            System.exit(1);
        });
        KernelConnectionProperties connectionProperties =
                KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        WorkbenchKernel kernel = new WorkbenchKernel(KernelSettings.fromEnvironment(System.getenv()));
        ResilientConnection connection = new ResilientConnection(connectionProperties, System.err);
        // The library never calls onStartup itself; cells need the kernel it installs.
        kernel.onStartup();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        // Threads that libraries started in cells must not keep a shut-down kernel alive.
        System.exit(0);
    }
}
