package io.jdisco.worker.core.client;

import java.util.List;
import java.util.Objects;

/**
 * What the master's {@code jobinfo} tells about a job (SPEC §11.1): when it started, its
 * status, per-stage task counts, and the (flattened) result and input URLs.
 *
 * @param timestamp start time as the master formats it, {@code "YYYY/MM/DD HH:MM:SS"}
 * @param status the status
 * @param statusText the master's word for it ({@code "initializing"} is {@link JobStatus#ACTIVE})
 * @param pipeline task counts per stage, in pipeline order
 * @param results result URLs, flattened (the master flattens the replica lists here)
 * @param inputs input URLs, flattened
 * @param worker the jobdict {@code worker} path
 * @param hosts the nodes running tasks of the job now
 * @param owner the jobdict {@code owner}
 */
public record JobInfo(String timestamp, JobStatus status, String statusText,
        List<StageProgress> pipeline, List<String> results, List<String> inputs, String worker,
        List<String> hosts, String owner) {
    /** Checks the fields and makes the lists immutable copies. */
    public JobInfo {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusText, "statusText");
        pipeline = List.copyOf(pipeline);
        results = List.copyOf(results);
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(worker, "worker");
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(owner, "owner");
    }
}
