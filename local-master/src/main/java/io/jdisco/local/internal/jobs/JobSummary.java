package io.jdisco.local.internal.jobs;

import io.jdisco.local.internal.pipeline.JobPlan;
import io.jdisco.worker.core.jobpack.JobPack;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What does not change over a job's life, kept in memory and in its record ({@link JobStore})
 * after its pack is dropped.
 *
 * @param name the job name
 * @param submitted when it was submitted
 * @param worker the jobdict's {@code worker}
 * @param owner the jobdict's {@code owner}
 * @param inputs every input URL, flattened (jobinfo's {@code inputs})
 */
public record JobSummary(String name, Instant submitted, String worker, String owner, List<String> inputs) {
    /** Checks and copies. */
    public JobSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(submitted, "submitted");
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(owner, "owner");
        inputs = List.copyOf(inputs);
    }

    /** The summary of job {@code name}, submitted now with {@code pack}. */
    static JobSummary of(String name, JobPack pack, JobPlan plan) {
        return new JobSummary(name, Instant.now(), String.valueOf(pack.jobdict().get("worker")),
                String.valueOf(pack.jobdict().get("owner")), plan.inputUrls());
    }
}
