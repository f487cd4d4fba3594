package io.jdisco.worker.core.client;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One line of a job's event log (SPEC §11.3):
 * {@code ["2014/10/27 12:00:00","node1","ERROR: [map:0] text"]}. The time stamp is the master's
 * local time (no zone in the log); {@code host} is a node or {@code "master"}; task events read
 * {@code "<TYPE>: [<stage>:<taskid>] <text>"} with TYPE one of MSG, WARNING, ERROR, FATAL, DONE,
 * SYS.
 *
 * @param timestamp when the master logged it (master local time)
 * @param host the node, or {@code "master"}
 * @param message the event text
 */
public record JobEvent(LocalDateTime timestamp, String host, String message) {
    /** Checks that no field is null. */
    public JobEvent {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(message, "message");
    }

    /** True for {@code FATAL:} and {@code ERROR:} events: what explains a dead job. */
    public boolean isFailure() {
        return message.startsWith("FATAL:") || message.startsWith("ERROR:");
    }
}
