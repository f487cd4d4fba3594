package io.jdisco.local.internal.jobs;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changes over a job's life and is saved in its record ({@link JobStore}): a consistent,
 * immutable copy taken from a {@link JobRecord}.
 *
 * @param status the status
 * @param ended when it became ready or dead, or null while active
 * @param results the final results (empty unless ready)
 * @param stageResults the outputs of the finished stages, by stage
 * @param counts the stages' counts, in pipeline order
 */
public record JobState(JobRecord.Status status, Instant ended, List<List<String>> results,
        Map<String, List<List<String>>> stageResults, List<StageCounts> counts) {
    /** Checks and copies. */
    public JobState {
        Objects.requireNonNull(status, "status");
        results = List.copyOf(results);
        stageResults = Collections.unmodifiableMap(new LinkedHashMap<>(stageResults));
        counts = List.copyOf(counts);
    }

    /**
     * The counts of one stage.
     *
     * @param stage the stage name
     * @param tasks its tasks (0 until it starts)
     * @param done the finished tasks
     * @param failed the failed attempts
     */
    public record StageCounts(String stage, int tasks, int done, int failed) {
        /** Checks the name. */
        public StageCounts {
            Objects.requireNonNull(stage, "stage");
        }
    }
}
