package org.contextencoder.bench;

import org.contextencoder.model.Architecture;

import java.util.Locale;

/** What the bench times: training steps or inference, each at the batch the workbench uses for it. */
enum Mode {
    TRAIN, INFER;

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Mode parse(String id) {
        for (Mode m : values()) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown bench mode '" + id + "': use train or infer");
    }

    /** {@link Architecture#trainingBatch()} or {@link Architecture#inferenceBatch()}. */
    int defaultBatch(Architecture a) {
        return this == TRAIN ? a.trainingBatch() : a.inferenceBatch();
    }
}
