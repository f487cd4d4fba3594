package io.jdisco.worker.core.protocol;

import java.io.IOException;

/**
 * The conversation with the master went wrong: a malformed frame, an unknown or unexpected
 * message, a reply that did not come. An {@link IOException}, so a task that fails with it ends
 * with {@code ERROR} and is retried.
 */
public class ProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    /** A protocol error with a message that says what was wrong and where. */
    public ProtocolException(String message) {
        super(message);
    }

    /** A protocol error with a cause. */
    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
