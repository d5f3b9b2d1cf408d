package org.contextencoder.kernel;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The thread cells run on, and how a running cell is stopped.
 *
 * <p>One long-lived thread runs every cell, so that thread-local state (ND4J workspaces, for one) survives from
 * cell to cell. A stop interrupts the cell. A cell that ignores the interrupt is stopped with {@code Thread.stop}
 * where Java still has it (up to Java 19), or else abandoned: it runs on in the background, unreachable, and the
 * user is told to restart the kernel. Either way its thread never gets another cell (the next cell gets a new
 * thread), so that a stop can only ever hit the cell it was meant for, never an idle thread or a later cell.
 */
final class CellThread implements AutoCloseable {

    /** How long an interrupted cell gets to end, and a stopped one to unwind. */
    private static final long GRACE_MS = 1000;
    static final String RESTART_ADVICE = ", but it ignores interrupts and goes on running in the background: "
            + "restart the kernel to stop it";

    private final long timeoutMs;
    private Worker worker; // only the thread that runs cells uses it
    private volatile Job current;

    /** {@code timeoutMs}: the longest a cell may run; zero or less for no limit. */
    CellThread(long timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    /**
     * Runs {@code cell} on the cell thread and returns its value; one cell at a time.
     *
     * @throws CellStoppedException if the cell was stopped (or abandoned), with the reason the user should see
     * @throws ExecutionException   with what the cell threw
     */
    Object run(Callable<Object> cell) throws ExecutionException, InterruptedException {
        if (worker == null || worker.retired || !worker.isAlive()) {
            worker = new Worker();
            worker.start();
        }
        Job job = new Job(cell, worker);
        current = job;
        try {
            worker.jobs.put(job);
            return await(job);
        } finally {
            current = null;
        }
    }

    private Object await(Job job) throws ExecutionException, InterruptedException {
        Object value = null;
        ExecutionException failure = null;
        try {
            value = timeoutMs > 0 ? job.outcome.get(timeoutMs, TimeUnit.MILLISECONDS) : job.outcome.get();
        } catch (TimeoutException e) {
            stop("Cell timed out after " + timeoutMs + " ms");
            try {
                value = job.outcome.get();
            } catch (ExecutionException stopped) {
                failure = stopped;
            }
        } catch (ExecutionException e) {
            failure = e;
        }
        String stopReason = job.stopReason();
        if (stopReason != null) {
            throw new CellStoppedException(stopReason);
        }
        if (failure != null) {
            throw failure;
        }
        return value;
    }

    /** Stops the running cell, if any, with {@code reason} as what the user sees; safe to call from any thread. */
    synchronized void stop(String reason) {
        Job job = current;
        if (job == null || !job.interrupt(reason) || job.endsWithin(GRACE_MS)) {
            return;
        }
        job.worker.retire();
        if (job.forceStop() && job.endsWithin(GRACE_MS)) {
            return;
        }
        job.abandon();
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.retire();
        }
    }

    /** A thread that runs cells handed to it, one at a time, until it is retired. */
    private static final class Worker extends Thread {

        private final SynchronousQueue<Job> jobs = new SynchronousQueue<>();
        private volatile boolean retired;

        Worker() {
            super("notebook-cell");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!retired) {
                try {
                    jobs.take().run();
                } catch (InterruptedException e) {
                    // retired while idle: the loop ends
                }
            }
        }

        void retire() {
            retired = true;
            interrupt();
        }
    }

    /**
     * One cell on its way through a worker. Its lock makes interrupting and ending exclusive, so that an
     * interrupt or stop never reaches the worker once the cell has ended.
     */
    private static final class Job {

        private final Callable<Object> cell;
        private final Worker worker;
        private final CompletableFuture<Object> outcome = new CompletableFuture<>();
        private boolean started; // guarded by this
        private boolean forced; // guarded by this
        private String stopReason; // guarded by this

        Job(Callable<Object> cell, Worker worker) {
            this.cell = cell;
            this.worker = worker;
        }

        /** Runs on the worker. */
        void run() {
            synchronized (this) {
                started = true;
                if (stopReason != null) {
                    worker.interrupt(); // stopped between hand-over and start
                }
            }
            Object value = null;
            Throwable failure = null;
            try {
                value = cell.call();
            } catch (Throwable e) { // what the cell threw, or the ThreadDeath of a forced stop
                failure = e;
            }
            synchronized (this) {
                if (failure == null) {
                    outcome.complete(value);
                } else {
                    outcome.completeExceptionally(failure);
                }
            }
            Thread.interrupted(); // an interrupt the cell never noticed must not reach the next one
        }

        /** Interrupts the cell unless it has ended; false if it had. */
        synchronized boolean interrupt(String reason) {
            if (outcome.isDone()) {
                return false;
            }
            if (stopReason == null) {
                stopReason = reason;
            }
            if (started) {
                worker.interrupt();
            }
            return true;
        }

        /** Stops the cell's thread where Java still can (up to Java 19); false if it could not. */
        @SuppressWarnings({"deprecation", "removal"})
        synchronized boolean forceStop() {
            if (outcome.isDone() || !started || forced) {
                return false;
            }
            forced = true;
            try {
                worker.stop();
                return true;
            } catch (UnsupportedOperationException e) {
                return false; // Java 20 and later
            }
        }

        /** Gives up on a cell that goes on running: the user learns that only a restart stops it. */
        synchronized void abandon() {
            if (!outcome.isDone()) {
                stopReason += RESTART_ADVICE;
                outcome.completeExceptionally(new CellStoppedException(stopReason));
            }
        }

        synchronized String stopReason() {
            return stopReason;
        }

        boolean endsWithin(long ms) {
            try {
                outcome.get(ms, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                // ended by failing, as interrupted cells usually do
            } catch (TimeoutException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return true;
        }
    }
}
