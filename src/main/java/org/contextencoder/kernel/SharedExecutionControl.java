package org.contextencoder.kernel;

import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs JShell snippets in this JVM, so cells and the kernel share objects.
 *
 * <p>Unlike JShell's own local engine it keeps each snippet's result object (JShell only keeps its
 * string form), waits only for the snippet's own thread
 * (JShell's engine also waits for every thread the snippet started, which hangs on the daemon
 * threads native libraries start) and can stop a snippet on interrupt or timeout.
 */
final class SharedExecutionControl extends DirectExecutionControl {

    /** How long an interrupted snippet gets to notice before its thread is stopped. */
    private static final long GRACE_MS = 1000;

    private final long timeoutMs;
    private final Map<String, Object> results = new ConcurrentHashMap<>();
    private final AtomicLong resultKeys = new AtomicLong();
    /**
     * One long-lived thread runs every snippet, so thread-local state (ND4J workspaces, for one)
     * survives from cell to cell. If a stop kills it, the executor starts a new one.
     */
    private final ExecutorService cellThread = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "notebook-cell");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Thread running;
    private volatile String stopReason;

    SharedExecutionControl(long timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    /** A provider for {@code JShell.Builder.executionEngine} that hands out this instance. */
    ExecutionControlProvider provider() {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "workbench-shared";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return SharedExecutionControl.this;
            }
        };
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        ClassLoader snippetLoader = doitMethod.getDeclaringClass().getClassLoader();
        Future<Object> run = cellThread.submit(() -> {
            Thread.currentThread().setContextClassLoader(snippetLoader);
            running = Thread.currentThread();
            try {
                return doitMethod.invoke(null);
            } finally {
                running = null;
            }
        });
        Object result;
        try {
            result = await(run);
        } catch (ExecutionException e) {
            if (stopReason != null) {
                throw new StoppedException();
            }
            Throwable failure = e.getCause();
            throw failure instanceof InvocationTargetException thrown ? thrown : new InvocationTargetException(failure);
        }
        if (stopReason != null) {
            throw new StoppedException();
        }
        String key = "result#" + resultKeys.incrementAndGet();
        if (result != null) {
            results.put(key, result);
        }
        return key;
    }

    private Object await(Future<Object> run) throws InterruptedException, ExecutionException {
        if (timeoutMs > 0) {
            try {
                return run.get(timeoutMs, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                stop("Cell timed out after " + timeoutMs + " ms");
            }
        }
        return run.get();
    }

    /** Removes and returns the object a snippet produced, given the value string JShell reported. */
    Object takeResult(String key) {
        return key == null ? null : results.remove(key);
    }

    /** Removes and returns why the last snippet was stopped, or null if it was not. */
    String takeStopReason() {
        String reason = stopReason;
        stopReason = null;
        return reason;
    }

    /** Forgets results nobody took, so that they can be collected. */
    void clearResults() {
        results.clear();
    }

    @Override
    public void close() {
        cellThread.shutdownNow();
        super.close();
    }

    @Override
    public void stop() {
        stop("Cell interrupted");
    }

    @SuppressWarnings({"deprecation", "removal"})
    private void stop(String reason) {
        Thread thread = running;
        if (thread == null) {
            return;
        }
        stopReason = reason;
        thread.interrupt();
        try {
            thread.join(GRACE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            // Busy loops ignore interrupts; Thread.stop is the only way left in Java 17.
            thread.stop();
        }
    }
}
