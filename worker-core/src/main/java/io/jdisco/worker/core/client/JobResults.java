package io.jdisco.worker.core.client;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One job's entry in the master's {@code get_results} reply (SPEC §11.1):
 * {@code ["<job>", [status, results]]}. {@code results} is empty unless the status is
 * {@link JobStatus#READY}; then it holds one replica list per output, e.g.
 * {@code [["dir://node/disco/node/97/Job@5a2:1b3c4:9d2e1/.disco/reduce-0-1.results"]]} or a
 * {@code tag://disco:results:<job>} for jobs that saved their results to DDFS.
 *
 * @param jobName the job
 * @param status its status
 * @param results replica-URL lists, immutable
 */
public record JobResults(String jobName, JobStatus status, List<List<String>> results) {
    /** Checks the fields and copies {@code results} into an immutable list of lists. */
    public JobResults {
        Objects.requireNonNull(jobName, "jobName");
        Objects.requireNonNull(status, "status");
        results = Objects.requireNonNull(results, "results").stream().map(List::copyOf)
                .collect(Collectors.toUnmodifiableList());
    }
}
