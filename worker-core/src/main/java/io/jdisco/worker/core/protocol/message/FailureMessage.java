package io.jdisco.worker.core.protocol.message;

import java.util.Objects;

/**
 * {@code ERROR "text"} or {@code FATAL "text"}: the task failed, and the text (a stack trace) says
 * why (SPEC §2.4.8). The two messages differ only in their name, that is in what the master does
 * next ({@link Kind}); the master never replies and the session ends.
 *
 * @param kind which of the two messages
 * @param text what went wrong
 */
public record FailureMessage(Kind kind, String text) implements WorkerMessage {
    /** What the master does after the failure; the constant's name is the frame name. */
    public enum Kind {
        /** {@code ERROR}: a re-run may fix it; the master retries the task. */
        ERROR,
        /** {@code FATAL}: the job cannot succeed; the master kills it. */
        FATAL
    }

    /** Checks the kind and the text. */
    public FailureMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** {@code ERROR text}: a failure a re-run may fix. */
    public static FailureMessage error(String text) {
        return new FailureMessage(Kind.ERROR, text);
    }

    /** {@code FATAL text}: a failure that ends the job. */
    public static FailureMessage fatal(String text) {
        return new FailureMessage(Kind.FATAL, text);
    }

    /** True for {@code FATAL}. */
    public boolean isFatal() {
        return kind == Kind.FATAL;
    }

    @Override
    public String name() {
        return kind.name();
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
