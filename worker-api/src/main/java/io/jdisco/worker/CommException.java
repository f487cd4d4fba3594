package io.jdisco.worker;

import java.util.OptionalInt;

/**
 * A network or HTTP failure: Disco's {@code CommError}. A {@link DataException}, so a task that
 * fails with it is retried.
 */
public class CommException extends DataException {
    private static final long serialVersionUID = 1L;

    private final int status;

    /** A failure with HTTP status {@code status}, or {@code -1} for a connection failure. */
    public CommException(String detail, String url, int status) {
        this(detail, url, status, null);
    }

    /** A failure with HTTP status {@code status} (or {@code -1}) caused by {@code cause}. */
    public CommException(String detail, String url, int status, Throwable cause) {
        super(status >= 0 ? detail + " (" + status + ")" : detail, url, cause);
        this.status = status;
    }

    /** The HTTP status, if the server answered. */
    public OptionalInt status() {
        return status >= 0 ? OptionalInt.of(status) : OptionalInt.empty();
    }
}
