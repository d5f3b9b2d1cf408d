package org.contextencoder.train;

import java.nio.file.Path;

/** Hears how training goes: when a run starts, after every batch and after every epoch. */
public interface ProgressListener {

    /**
     * Before the first epoch a run trains: {@code history} holds the epochs it already has (none when it starts
     * afresh; all of them when a finished run is reused, and then no other event follows).
     */
    default void runStarted(Path runDir, LossHistory history, int epochs) {
    }

    default void batchDone(BatchProgress progress) {
    }

    default void epochDone(EpochRecord record, int epochs, boolean improved) {
    }

    ProgressListener SILENT = new ProgressListener() {
    };
}
