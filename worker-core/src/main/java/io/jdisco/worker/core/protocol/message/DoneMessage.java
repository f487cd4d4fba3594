package io.jdisco.worker.core.protocol.message;

/** {@code DONE ""}: the task finished; its outputs were sent (SPEC §2.4.7). The master never replies; the session ends. */
public record DoneMessage() implements WorkerMessage {
    @Override
    public String name() {
        return "DONE";
    }

    @Override
    public Object body() {
        return "";
    }

    @Override
    public boolean endsSession() {
        return true;
    }
}
