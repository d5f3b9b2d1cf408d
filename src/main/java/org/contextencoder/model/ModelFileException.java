package org.contextencoder.model;

/** A model file that is missing or unreadable; the message says what to do. */
public class ModelFileException extends RuntimeException {
    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
