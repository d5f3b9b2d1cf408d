package org.contextencoder.bench;

import org.bytedeco.javacpp.Pointer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Peak memory over a stretch of work. The JVM heap peak comes from the pools' own peak counters; ND4J's arrays live
 * off-heap, so the process's resident set ({@code Pointer.physicalBytes()}) is sampled by a daemon thread (it has no
 * peak counter; a spike shorter than {@value #SAMPLE_MILLIS} ms can be missed). Off-heap is about RSS minus heap.
 * JavaCPP's {@code Pointer.totalBytes()} and ND4J's AllocationsTracker both stay at 0 on this backend (ND4J allocates
 * through its own native mallocHost, which neither tracks), so they are not reported.
 */
final class MemoryPeak implements AutoCloseable {
    private static final long SAMPLE_MILLIS = 20;

    /** Heap: sum of the heap pools' peaks (an upper bound: pools peak at different times); physical: resident set. */
    record Peak(long heapBytes, long physicalBytes) {
    }

    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long physical;

    private MemoryPeak() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        sample();
        sampler = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "memory-peak");
        sampler.setDaemon(true);
        sampler.start();
    }

    static MemoryPeak start() {
        return new MemoryPeak();
    }

    private void sample() {
        physical = Math.max(physical, Pointer.physicalBytes());
    }

    /** Stops sampling and returns the peaks since {@link #start()}. */
    Peak stop() {
        close();
        sample();
        long heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Peak(heap, physical);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
