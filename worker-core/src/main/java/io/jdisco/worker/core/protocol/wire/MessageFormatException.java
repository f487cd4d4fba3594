package io.jdisco.worker.core.protocol.wire;

import io.jdisco.worker.core.protocol.ProtocolException;

/** A frame with a known name whose body is not valid JSON or does not have the message's shape. */
public final class MessageFormatException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    /** A bad body, described by {@code message}. */
    public MessageFormatException(String message) {
        super(message);
    }

    /** A bad body with a cause (e.g. a JSON syntax error). */
    public MessageFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
