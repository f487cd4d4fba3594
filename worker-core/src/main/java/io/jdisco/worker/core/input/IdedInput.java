package io.jdisco.worker.core.input;

import io.jdisco.worker.core.protocol.message.InputEntry;
import io.jdisco.worker.core.protocol.message.Replica;
import java.util.List;
import java.util.Objects;

/**
 * One input of the task as the master announced it: its id, its label and the replicas known when
 * it was listed (refreshed with {@code INPUT ["include", [id]]} before it is opened).
 *
 * @param id the task-local input id
 * @param label an {@link Integer}, or {@code "all"}
 * @param replicas the replicas listed with the input
 */
public record IdedInput(int id, Object label, List<Replica> replicas) {
    /** Checks and copies the fields. */
    public IdedInput {
        Objects.requireNonNull(label, "label");
        replicas = List.copyOf(replicas);
    }

    /** The input of an {@code INPUT} reply entry. */
    public static IdedInput of(InputEntry entry) {
        return new IdedInput(entry.id(), entry.label(), entry.replicas());
    }
}
