package io.jdisco.worker.core.json;

import java.io.IOException;

/** Bytes that should hold one JSON value do not; the message says what the parser found and where. */
public final class JsonSyntaxException extends IOException {
    private static final long serialVersionUID = 1L;

    /** A syntax error with the parser's description. */
    public JsonSyntaxException(String message, Throwable cause) {
        super(message, cause);
    }
}
