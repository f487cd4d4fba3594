package io.jdisco.worker.core.protocol.message;

/** {@code FAIL ""}: no replica of a failed input is left (SPEC §2.4.4). */
public record FailReply() implements MasterMessage {
    @Override
    public String name() {
        return "FAIL";
    }

    @Override
    public Object body() {
        return "";
    }
}
