package io.jdisco.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdisco.worker.core.client.JobInfo;
import io.jdisco.worker.core.client.JobStatus;
import io.jdisco.worker.core.client.StageProgress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The progress line's counts. */
class ProgressTest {
    @Test
    void countsShowDoneOverTotalPerStageAndFailures() {
        JobInfo info = new JobInfo("2026/01/01 00:00:00", JobStatus.ACTIVE, "active",
                List.of(new StageProgress("map", 1, 2, 1, 3, 0), new StageProgress("reduce", 4, 0, 0, 0, 2)),
                List.of(), List.of(), "bin/worker", List.of(), "me");
        assertEquals("map 3/7  reduce 0/4 (2 failed)", Progress.counts(info));
    }

    @Test
    void countsOfAJobWithoutStagesShowItsStatus() {
        JobInfo info = new JobInfo("2026/01/01 00:00:00", JobStatus.ACTIVE, "initializing", List.of(), List.of(),
                List.of(), "bin/worker", List.of(), "me");
        assertEquals("initializing", Progress.counts(info));
    }
}
