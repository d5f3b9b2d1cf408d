package org.contextencoder.backend;

import org.nd4j.linalg.factory.Nd4j;

import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;

/**
 * Gives back the native memory a thread's finished training left behind, so that a long session (a notebook
 * kernel, whose cells all run on one thread) falls back to what its live objects need. Two things hold it: the
 * thread's ND4J workspaces, which DL4J keeps sized for the next training step (0.25 GB for the 32 px model, 0.9 GB
 * for the 128 px one), and the native buffers of arrays nothing references any more (the trained network with its
 * optimizer state, once the best epoch has been reloaded), which ND4J frees only after a garbage collection has
 * found them.
 */
public final class NativeMemory {
    private static final long COLLECTION_WAIT_MILLIS = 2_000;

    private NativeMemory() {
    }

    /**
     * Destroys this thread's ND4J workspaces (unless one is open: then they are in use) and collects the garbage. The
     * next network call on this thread sets its workspaces up again, as on its first call.
     */
    public static void release() {
        if (!Nd4j.getWorkspaceManager().anyWorkspaceActiveForCurrentThread()) {
            Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
        }
        collectGarbage();
    }

    /**
     * A full collection, waited for until its references have been handed on (ND4J's deallocator threads then free
     * the native buffers of the arrays it found unreachable).
     */
    private static void collectGarbage() {
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        PhantomReference<Object> sentinel = new PhantomReference<>(new Object(), queue);
        System.gc();
        try {
            queue.remove(COLLECTION_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sentinel.clear();
    }
}
