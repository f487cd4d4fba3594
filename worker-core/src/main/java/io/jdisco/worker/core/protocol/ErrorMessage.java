package io.jdisco.worker.core.protocol;

import java.util.Objects;

/**
 * {@code ERROR "text"}: the task failed in a way a re-run may fix; the text is a stack trace (SPEC §2.4.8). The master never replies; the session ends.
 *
 * @param text what went wrong
 */
public record ErrorMessage(String text) implements WorkerMessage {
    /** Checks the text. */
    public ErrorMessage {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String name() {
        return "ERROR";
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
