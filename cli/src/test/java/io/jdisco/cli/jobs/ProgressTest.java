package io.jdisco.cli.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.cli.CliRun;
import io.jdisco.worker.core.client.JobInfo;
import io.jdisco.worker.core.client.JobStatus;
import io.jdisco.worker.core.client.StageProgress;
import java.util.List;
import java.util.Map;
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

    @Test
    void stagesNotStartedShowTheTotalsTheJobdictPromises() {
        Map<String, Object> jobdict = Map.of("input", List.of("a", "b", "c"), "nr_reduces", 4,
                "map?", true, "reduce?", true);
        JobInfo start = new JobInfo("2026/01/01 00:00:00", JobStatus.ACTIVE, "active",
                List.of(new StageProgress("map", 0, 0, 0, 0, 0), new StageProgress("map_shuffle", 0, 0, 0, 0, 0),
                        new StageProgress("reduce", 0, 0, 0, 0, 0)),
                List.of(), List.of(), "bin/worker", List.of(), "me");
        assertEquals("map 0/3  map_shuffle 0/1  reduce 0/4", Progress.counts(start, StageTotals.of(jobdict, true)));
        assertEquals("map 0/3  map_shuffle 0/?  reduce 0/4", Progress.counts(start, StageTotals.of(jobdict, false)));
    }

    @Test
    void theLastLineOfAJobThatEndedShowsEveryStageComplete() throws Exception {
        java.nio.file.Path input = java.nio.file.Files.createTempFile("progress", ".txt");
        try {
            java.nio.file.Files.writeString(input, "a b\nc d e f g h i j k l m n o p\n");
            CliRun run = CliRun.of("wordcount", "--workers", "threads", "--partitions", "3", input.toString());
            assertEquals(0, run.status(), run.describe());
            List<String> lines = run.err().lines().toList();
            assertTrue(lines.get(1).startsWith("map 0/1  map_shuffle 0/1  reduce 0/3  ")
                    || lines.get(1).startsWith("map 1/1  "), run.err());
            String counts = lines.get(lines.size() - 3);
            assertTrue(counts.startsWith("map 1/1  map_shuffle 1/1  reduce 3/3  "), run.err());
            assertTrue(lines.get(lines.size() - 2).matches("WordCount@\\S+ done in \\d+\\.\\d s"), run.err());
        } finally {
            java.nio.file.Files.delete(input);
        }
    }
}
