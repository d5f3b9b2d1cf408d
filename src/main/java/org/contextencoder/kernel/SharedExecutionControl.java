package org.contextencoder.kernel;

import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs JShell snippets in this JVM, so cells and the kernel share objects.
 *
 * <p>Unlike JShell's own local engine it keeps each snippet's result object (JShell only keeps its
 * string form), waits only for the snippet's own thread
 * (JShell's engine also waits for every thread the snippet started, which hangs on the daemon
 * threads native libraries start), can stop a snippet on interrupt or timeout ({@link CellThread}),
 * and refuses a snippet's {@code System.exit}, which would end the kernel ({@link ExitRemapping}).
 */
final class SharedExecutionControl extends DirectExecutionControl {

    private final Map<String, Object> results = new ConcurrentHashMap<>();
    private final AtomicLong resultKeys = new AtomicLong();
    private final CellThread cellThread;
    private volatile String stopReason;

    SharedExecutionControl(long timeoutMs) {
        this.cellThread = new CellThread(timeoutMs);
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
    public void load(ClassBytecodes[] classes)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(Arrays.stream(classes)
                .map(c -> new ClassBytecodes(c.name(), ExitRemapping.apply(c.bytecodes())))
                .toArray(ClassBytecodes[]::new));
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        ClassLoader snippetLoader = doitMethod.getDeclaringClass().getClassLoader();
        Object result;
        try {
            result = cellThread.run(() -> {
                Thread.currentThread().setContextClassLoader(snippetLoader);
                return doitMethod.invoke(null);
            });
        } catch (CellStoppedException e) {
            stopReason = e.getMessage();
            throw new StoppedException();
        } catch (ExecutionException e) {
            Throwable failure = e.getCause();
            throw failure instanceof InvocationTargetException thrown ? thrown : new InvocationTargetException(failure);
        }
        String key = "result#" + resultKeys.incrementAndGet();
        if (result != null) {
            results.put(key, result);
        }
        return key;
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
        cellThread.close();
        super.close();
    }

    @Override
    public void stop() {
        cellThread.stop("Cell interrupted");
    }
}
