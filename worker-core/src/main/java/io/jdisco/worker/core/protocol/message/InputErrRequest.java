package io.jdisco.worker.core.protocol.message;

import java.util.List;

/**
 * {@code INPUT_ERR [input_id, [rep_id...]]}: these replicas of an input could not be read (SPEC
 * §2.4.4). Send the cumulative set: the master subtracts only the ids in this message.
 *
 * @param inputId the input
 * @param replicaIds every replica given up on so far
 */
public record InputErrRequest(int inputId, List<Integer> replicaIds) implements WorkerMessage {
    /** Copies the ids. */
    public InputErrRequest {
        replicaIds = List.copyOf(replicaIds);
    }

    @Override
    public String name() {
        return "INPUT_ERR";
    }

    @Override
    public Object body() {
        return List.of(inputId, replicaIds);
    }
}
