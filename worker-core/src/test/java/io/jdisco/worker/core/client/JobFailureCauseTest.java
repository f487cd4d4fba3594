package io.jdisco.worker.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobFailureCauseTest {
    private static final LocalDateTime T = LocalDateTime.of(2026, 1, 1, 0, 0);

    private static JobEvent node(String message) {
        return new JobEvent(T, "n1", message);
    }

    private static JobEvent master(String message) {
        return new JobEvent(T, "master", message);
    }

    @Test
    void theFirstFatalWinsOverLaterFailures() {
        List<JobEvent> log = List.of(node("ERROR: [map:2] retried"), node("FATAL: [map:1] first"),
                node("ERROR: [map:0] Worker crashed! (worker thread x-map:0 still running)"),
                node("FATAL: [map:0] second"));
        assertEquals("FATAL: [map:1] first", JobFailureCause.of(log).orElseThrow().message());
    }

    @Test
    void withoutAFatalTheLastErrorOfTheTaskTheMasterBlamesIsTheCause() {
        List<JobEvent> log = List.of(node("ERROR: [map:0] disk full"), node("ERROR: [map:1] one"),
                node("ERROR: [map:0] disk still full"), node("ERROR: [map:1] two"),
                master("Job dead after 0:00:01.200: task map:0 failed 3 times, more than the maximum of 2"),
                node("ERROR: [map:1] stopped late"));
        assertEquals("ERROR: [map:0] disk still full", JobFailureCause.of(log).orElseThrow().message());
    }

    @Test
    void withoutTaskFailuresTheMastersLineIsTheCause() {
        List<JobEvent> log = List.of(node("SYS: [map:0] Task started (attempt 1)"), master("Job killed by the user"),
                master("Job dead after 0:00:02: job killed by the user"));
        assertEquals("Job killed by the user", JobFailureCause.of(log).orElseThrow().message());
        assertEquals(Optional.empty(), JobFailureCause.of(List.of(master("New job initialized!"))));
    }

    @Test
    void taskNamesTheStageAndId() {
        assertEquals(Optional.of("map_shuffle:12"), node("ERROR: [map_shuffle:12] x").task());
        assertEquals(Optional.empty(), master("Job killed by the user").task());
    }
}
