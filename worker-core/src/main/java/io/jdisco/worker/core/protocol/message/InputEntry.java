package io.jdisco.worker.core.protocol.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code [input_id, status, label, [[rep_id, url]...]]}: one input in an {@code INPUT} reply
 * (SPEC §2.4.3).
 *
 * @param id the task-local input id
 * @param status {@code "ok"} in 0.5.x ({@code "busy"}/{@code "failed"} are documented)
 * @param label an {@link Integer}, or the string {@code "all"}
 * @param replicas the copies, in the master's preference order; may be empty
 */
public record InputEntry(int id, String status, Object label, List<Replica> replicas) {
    /** Checks and copies the fields. */
    public InputEntry {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(label, "label");
        if (!(label instanceof Integer) && !"all".equals(label)) {
            throw new IllegalArgumentException("input label must be an integer or \"all\", got " + label);
        }
        replicas = List.copyOf(replicas);
    }

    /** The JSON form. */
    public List<Object> toJson() {
        List<Object> reps = new ArrayList<>();
        replicas.forEach(r -> reps.add(r.toJson()));
        return List.of(id, status, label, reps);
    }
}
