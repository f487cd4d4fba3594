package io.jdisco.worker.core.protocol;

import java.util.Objects;

/**
 * {@code FATAL "text"}: the job cannot succeed; the master kills it; the text is a stack trace (SPEC §2.4.8). The master never replies; the session ends.
 *
 * @param text what went wrong
 */
public record FatalMessage(String text) implements WorkerMessage {
    /** Checks the text. */
    public FatalMessage {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String name() {
        return "FATAL";
    }

    @Override
    public Object body() {
        return text;
    }

    @Override
    public boolean endsSession() {
        return true;
    }
}
