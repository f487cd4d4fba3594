package io.jdisco.worker.core.jobpack;

import io.jdisco.worker.DiscoException;

/**
 * Job data that cannot be written or read back: the message names the class or value at fault.
 * Fatal: the job's classes or values are wrong everywhere, a re-run will not help.
 */
public final class JobDataException extends DiscoException {
    private static final long serialVersionUID = 1L;

    /** A job data problem described by {@code message}. */
    public JobDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
