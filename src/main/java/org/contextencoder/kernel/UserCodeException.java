package org.contextencoder.kernel;

/** Carries what cell code threw, so that the kernel reports it rather than its own stack. */
final class UserCodeException extends RuntimeException {

    UserCodeException(Throwable thrown) {
        super(thrown.getMessage(), thrown, false, false);
    }
}
