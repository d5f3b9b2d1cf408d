package org.contextencoder.data;

/** A dataset that is missing, damaged or of the wrong shape; the message says what to do about it. */
public class DatasetException extends RuntimeException {
    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
