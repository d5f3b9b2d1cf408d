package org.contextencoder.bench;

import java.util.function.Supplier;

/**
 * Repeated timing as bench/torch_bench.py does it: {@value #WARMUP_STEPS} untimed calls (JIT, allocator and oneDNN
 * primitive caches), then {@code reps} repetitions, each running whole calls until {@code minSeconds} have passed so
 * that slow configurations still finish in bounded time.
 */
public record Timing(int reps, double minSeconds) {
    static final int WARMUP_STEPS = 2;

    public Timing {
        if (reps < 1) {
            throw new IllegalArgumentException("--reps must be at least 1, got " + reps);
        }
    }

    /** Units per second (images, or matmuls) per repetition, each call doing {@code unitsPerCall}. */
    public Summary rate(double unitsPerCall, Runnable call) {
        for (int i = 0; i < WARMUP_STEPS; i++) {
            call.run();
        }
        double[] rates = new double[reps];
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            int calls = 0;
            double seconds;
            do {
                call.run();
                calls++;
                seconds = (System.nanoTime() - t0) / 1e9;
            } while (seconds < minSeconds);
            rates[r] = calls * unitsPerCall / seconds;
        }
        return Summary.of(rates);
    }

    /** Seconds per call, one call per repetition after one untimed call (for the long CIFAR-10 parse). */
    public Summary seconds(Supplier<?> call) {
        call.get();
        double[] seconds = new double[reps];
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            call.get();
            seconds[r] = (System.nanoTime() - t0) / 1e9;
        }
        return Summary.of(seconds);
    }
}
