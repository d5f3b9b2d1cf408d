package org.contextencoder.train;

/** Hears how training goes: after every batch and after every epoch. */
public interface ProgressListener {

    default void batchDone(BatchProgress progress) {
    }

    default void epochDone(EpochRecord record, int epochs, boolean improved) {
    }

    ProgressListener SILENT = new ProgressListener() {
    };
}
