package org.contextencoder.kernel;

/** A cell stopped before it finished, on interrupt or timeout. */
final class CellStoppedException extends RuntimeException {

    CellStoppedException(String reason) {
        super(reason, null, false, false);
    }
}
