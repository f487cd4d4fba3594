package io.jdisco.local.internal.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.testing.Fixture;
import io.jdisco.local.testing.TestPacks;
import io.jdisco.worker.JobException;
import io.jdisco.worker.core.client.JobStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An {@link Error} in a job's coordination — its coordinator's thread or an attempt's — ends the
 * job dead with a FATAL event naming it, and the master goes on running other jobs.
 */
class CoordinationFailureTest {
    private static final String DONE_WORKER = TestPacks.shellWorker("send DONE '\"\"'");

    @AfterEach
    void clearHooks() {
        TaskAttempt.testFault = null;
        JobCoordinator.testStageFault = null;
    }

    @Test
    void errorOnAnAttemptsThreadKillsTheJobWithAFatalEventAndTheNextJobRuns() throws Exception {
        TaskAttempt.testFault = a -> {
            if (a.jobName().startsWith("Doomed")) {
                throw new OutOfMemoryError("injected into an attempt");
            }
        };
        try (Fixture f = new Fixture()) {
            assertDeadThenNextJobRuns(f, "java.lang.OutOfMemoryError: injected into an attempt");
        }
    }

    @Test
    void errorOnTheCoordinatorsThreadKillsTheJobWithAFatalEventAndTheNextJobRuns() throws Exception {
        JobCoordinator.testStageFault = name -> {
            if (name.startsWith("Doomed")) {
                throw new StackOverflowError("injected into a coordinator");
            }
        };
        try (Fixture f = new Fixture()) {
            assertDeadThenNextJobRuns(f, "java.lang.StackOverflowError: injected into a coordinator");
        }
    }

    private static void assertDeadThenNextJobRuns(Fixture f, String error) throws Exception {
        String doomed = f.disco.submit(TestPacks.scriptPack(TestPacks.classic("Doomed", List.of("raw://a", "raw://b"),
                true, false, 1), DONE_WORKER));
        JobException e = assertThrows(JobException.class,
                () -> f.disco.waitFor(doomed, Duration.ofMillis(50), Duration.ofSeconds(30)));
        assertTrue(e.getMessage().contains("FATAL: Job coordinator failed: " + error), e.getMessage());
        assertEquals(JobStatus.DEAD, f.disco.results(doomed, 0).status());
        List<String> events = f.events(doomed);
        assertTrue(events.contains("FATAL: Job coordinator failed: " + error), events.toString());
        String next = f.disco.submit(TestPacks.scriptPack(TestPacks.classic("Next", List.of("raw://a", "raw://b",
                "raw://c"), true, false, 1), DONE_WORKER));
        assertEquals(0, f.await(next).size(), "a job whose tasks output nothing has no results");
    }
}
