package io.jdisco.worker.core.jobpack;

import io.jdisco.worker.DiscoException;

/**
 * A job pack the master would reject, or that cannot be read: the message says what is wrong.
 * Fatal: re-running a task does not repair its job pack.
 */
public final class InvalidJobPackException extends DiscoException {
    private static final long serialVersionUID = 1L;

    /** A pack problem described by {@code message}. */
    public InvalidJobPackException(String message) {
        super(message);
    }

    /** A pack problem with a cause. */
    public InvalidJobPackException(String message, Throwable cause) {
        super(message, cause);
    }
}
