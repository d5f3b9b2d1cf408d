package org.contextencoder.train;

/** Another training run is writing into the run folder at this moment. */
public class RunFolderInUseException extends RuntimeException {
    public RunFolderInUseException(String message) {
        super(message);
    }
}
