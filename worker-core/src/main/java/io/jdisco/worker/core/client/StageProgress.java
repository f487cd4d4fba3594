package io.jdisco.worker.core.client;

import java.util.Objects;

/**
 * Task counts of one pipeline stage, from the {@code pipeline} field of {@code jobinfo}
 * (SPEC §11.1): {@code [stage, pending, waiting, running, done, failed]}.
 *
 * @param stage the stage name, e.g. {@code "map"}
 * @param pending tasks not yet created (inputs not ready)
 * @param waiting tasks created but not yet running
 * @param running tasks running now
 * @param done tasks finished
 * @param failed task runs that failed
 */
public record StageProgress(String stage, long pending, long waiting, long running, long done,
        long failed) {
    /** Checks that the stage is named. */
    public StageProgress {
        Objects.requireNonNull(stage, "stage");
    }
}
