package org.contextencoder.bench;

/**
 * Where one model's peak resident set went, in a process of its own (bytes): what the process held before the model
 * ({@code base}: the JVM and the native libraries, without the heap), the JVM heap's resident pages, ND4J's
 * workspaces, the network's own arrays (parameters; in training also gradients and the updater's state), what JavaCPP
 * tracks, and {@link #rest()}: native memory that none of these accounts for
 * (arrays awaiting a garbage collection, memory the C allocator keeps after it was freed, oneDNN's scratchpads).
 * {@code settledRss}: the resident set after a garbage collection at the end, with the network still alive.
 */
record MemoryUse(long peakRss, long base, long heap, long workspaces, long modelArrays, long javacpp,
                 long settledRss) {

    long rest() {
        return peakRss - base - heap - workspaces - modelArrays - javacpp;
    }
}
