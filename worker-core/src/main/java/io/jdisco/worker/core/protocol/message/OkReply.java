package io.jdisco.worker.core.protocol.message;

import java.util.Objects;

/**
 * {@code OK "ok"}: the reply to {@code WORKER}, {@code MSG} and {@code OUTPUT}.
 *
 * @param text the body, {@code "ok"}
 */
public record OkReply(String text) implements MasterMessage {
    /** Checks the text. */
    public OkReply {
        Objects.requireNonNull(text, "text");
    }

    /** {@code OK "ok"}. */
    public static OkReply ok() {
        return new OkReply("ok");
    }

    @Override
    public String name() {
        return "OK";
    }

    @Override
    public Object body() {
        return text;
    }
}
