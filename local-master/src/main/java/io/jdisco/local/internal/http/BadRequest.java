package io.jdisco.local.internal.http;

/** A request the master refuses with 400 and the message as a JSON error string. */
public final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;

    /** A refusal saying {@code message}. */
    public BadRequest(String message) {
        super(message);
    }
}
