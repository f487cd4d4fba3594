package io.jdisco.worker.core.protocol.message;

/** A message the worker sends to the master (SPEC §2.2, worker → master). */
public sealed interface WorkerMessage extends Message permits WorkerHello, TaskRequest, InputRequest,
        InputErrRequest, StatusMessage, OutputMessage, DoneMessage, FailureMessage {

    /** True for {@code DONE}, {@code ERROR} and {@code FATAL}: the master never replies and the session ends. */
    default boolean endsSession() {
        return false;
    }
}
