package io.jdisco.worker;

/**
 * A library or job error that retrying will not fix: Disco's {@code DiscoError}.
 *
 * <p>Escaping a task it becomes the protocol message {@code FATAL}, which kills the job. Data
 * problems use {@link DataException} instead.
 */
public class DiscoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error with a message. */
    public DiscoException(String message) {
        super(message);
    }

    /** An error with a message and a cause. */
    public DiscoException(String message, Throwable cause) {
        super(message, cause);
    }
}
