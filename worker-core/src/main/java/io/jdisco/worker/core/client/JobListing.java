package io.jdisco.worker.core.client;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the master's {@code joblist} (SPEC §11.1): {@code [start_seconds, status, name]}.
 *
 * @param started when the job was submitted (second precision)
 * @param status its status
 * @param name the job name
 */
public record JobListing(Instant started, JobStatus status, String name) {
    /** Checks that no field is null. */
    public JobListing {
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(name, "name");
    }
}
