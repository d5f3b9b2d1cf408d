package org.contextencoder.kernel;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Ends the kernel when the process that started it (Jupyter) has died: a notebook run or server that is killed
 * would otherwise leave its kernel running, orphaned, perhaps training for hours. Like ipykernel's parent poller,
 * it watches the kernel's parent process id, which changes as soon as the parent dies and the kernel is
 * re-parented; waiting for the parent's exit would miss a parent that dies but is never reaped.
 */
final class ParentWatch {

    private ParentWatch() {
    }

    /** Watches this process's parent every {@code period}, and calls {@code onOrphaned} once it has changed. */
    static ScheduledExecutorService start(Duration period, Runnable onOrphaned) {
        return start(ParentWatch::parentPid, period, onOrphaned);
    }

    static ScheduledExecutorService start(LongSupplier parentPid, Duration period, Runnable onOrphaned) {
        long parent = parentPid.getAsLong();
        ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "parent-watch");
            thread.setDaemon(true);
            return thread;
        });
        watch.scheduleWithFixedDelay(() -> {
            if (parentPid.getAsLong() != parent) {
                watch.shutdown();
                onOrphaned.run();
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return watch;
    }

    private static long parentPid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    }
}
