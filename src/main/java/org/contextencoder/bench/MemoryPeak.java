package org.contextencoder.bench;

import org.bytedeco.javacpp.Pointer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Peak memory over a stretch of work. The JVM heap peak comes from the pools' own peak counters; ND4J's arrays live
 * off-heap, so JavaCPP's tracked total and the process's resident set are sampled by a daemon thread (they have no
 * peak counter of their own; a spike shorter than {@value #SAMPLE_MILLIS} ms can be missed).
 */
final class MemoryPeak implements AutoCloseable {
    private static final long SAMPLE_MILLIS = 20;

    /** Heap: sum of the heap pools' peaks; offHeap: JavaCPP's allocations; physical: the process's resident set. */
    record Peak(long heapBytes, long offHeapBytes, long physicalBytes) {
    }

    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long offHeap;
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
        offHeap = Math.max(offHeap, Pointer.totalBytes());
        physical = Math.max(physical, Pointer.physicalBytes());
    }

    /** Stops sampling and returns the peaks since {@link #start()}. */
    Peak stop() {
        close();
        sample();
        long heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Peak(heap, offHeap, physical);
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
