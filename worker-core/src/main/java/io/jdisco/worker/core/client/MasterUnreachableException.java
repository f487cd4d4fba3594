package io.jdisco.worker.core.client;

import io.jdisco.worker.CommException;
import java.util.Objects;

/**
 * The master could not be reached: the connection was refused or reset, or the request timed out.
 * Its message is {@code "the master at <url> is unreachable: <why>"}, the text a command line
 * prints. A {@link CommException} without an HTTP status: thrown by a single request at once, and
 * by a wait ({@link Disco#waitFor}) once the master has been unreachable for
 * {@link io.jdisco.worker.core.client.internal.JobWaiter#UNREACHABLE_AFTER} in a row.
 */
public final class MasterUnreachableException extends CommException {
    private static final long serialVersionUID = 1L;

    /**
     * The master at {@code master} did not answer the request for {@code url}; {@code why} says
     * how it failed, {@code cause} is the failure.
     */
    public MasterUnreachableException(String master, String url, String why, Throwable cause) {
        super("the master at " + Objects.requireNonNull(master, "master") + " is unreachable: "
                + Objects.requireNonNull(why, "why"), Objects.requireNonNull(url, "url"), -1, cause);
    }

    /** {@code "the master at <url> is unreachable: <why>"}, without the data-error prefix. */
    @Override
    public String getMessage() {
        return detail();
    }
}
