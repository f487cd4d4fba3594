package io.jdisco.worker.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobCountersTest {
    private static JobEvent event(String message) {
        return new JobEvent(LocalDateTime.of(2026, 12, 7, 9, 0), "localhost", message);
    }

    @Test
    void totalsSumTheTasksAndEachTaskCountsOnceFromItsLastLine() {
        JobCounters c = JobCounters.of(List.of(
                event("SYS: [map:0] Task started (attempt 1)"),
                event("MSG: [map:0] jdisco-counters {\"lines\":10,\"words\":40}"),
                event("ERROR: [map:0] Worker crashed! (exit code: 137)"),
                event("MSG: [map:0] jdisco-counters {\"lines\":10,\"words\":41}"),
                event("DONE: [map:0] Task finished in 0:00:00.120"),
                event("MSG: [map:1] Done: 5 entries mapped"),
                event("MSG: [map:1] jdisco-counters {\"lines\":5}"),
                event("MSG: [reduce:2] jdisco-counters {\"keys\":3}"),
                event("READY: Job finished in 0:00:01.000")));
        assertEquals(Map.of("keys", 3L, "lines", 15L, "words", 41L), c.totals());
        assertEquals(3, c.tasks());
        assertEquals(0, c.get("absent"));
    }

    @Test
    void aStatusLineThatOnlyLooksLikeCountersIsIgnored() {
        JobCounters c = JobCounters.of(List.of(event("MSG: [map:0] jdisco-counters {oops"),
                event("master said jdisco-counters {\"a\":1}")));
        assertEquals(Map.of(), c.totals());
    }
}
