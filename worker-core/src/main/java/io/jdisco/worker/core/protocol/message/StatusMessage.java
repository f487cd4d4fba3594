package io.jdisco.worker.core.protocol.message;

import java.util.Objects;

/**
 * {@code MSG "text"}: a status line for the job's event log (SPEC §2.4.5). The master rate-limits
 * these (SPEC §2.6); send them through the channel's throttled messenger.
 *
 * @param text the line
 */
public record StatusMessage(String text) implements WorkerMessage {
    /** Checks the text. */
    public StatusMessage {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String name() {
        return "MSG";
    }

    @Override
    public Object body() {
        return text;
    }
}
