package io.jdisco.worker.core.protocol.message;

/** {@code TASK ""}: asks for the task description (SPEC §2.4.2). */
public record TaskRequest() implements WorkerMessage {
    @Override
    public String name() {
        return "TASK";
    }

    @Override
    public Object body() {
        return "";
    }
}
