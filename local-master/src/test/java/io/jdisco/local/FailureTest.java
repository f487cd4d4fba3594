package io.jdisco.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.testing.Fixture;
import io.jdisco.local.testing.TestPacks;
import io.jdisco.worker.JobException;
import io.jdisco.worker.core.client.JobStatus;
import io.jdisco.worker.core.jobpack.JobPack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tasks that fail: FATAL, protocol violations, crashes, timers; no retries here (max failures 0). */
class FailureTest {
    private static Fixture f;

    @BeforeAll
    static void start() {
        f = new Fixture(Fixture.config().maxFailures(0).pidTimeout(Duration.ofMillis(700))
                .messageTimeout(Duration.ofMillis(500)).lastWordsTimeout(Duration.ofMillis(500))
                .taskTimeout(Duration.ofSeconds(8)).build());
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static Map<String, Object> oneMap(String prefix) {
        return TestPacks.classic(prefix, List.of("raw://a"), true, false, 1);
    }

    /** Runs a shell-worker job to its death and returns the text of the JobException. */
    private static String deathOf(String prefix, String script) throws Exception {
        String job = f.disco.submit(TestPacks.scriptPack(oneMap(prefix), script));
        JobException e = assertThrows(JobException.class, () -> f.await(job));
        assertEquals(JobStatus.DEAD, f.disco.results(job, 0).status());
        return e.getMessage();
    }

    @Test
    void fatalReportsTheUsersExceptionTextThroughWaitAndEvents() throws Exception {
        String job = f.disco.submit(TestPacks.wordPack(JobPack.VERSION1, oneMap("Fatal"), Map.of("fatal", "the user's own words")));
        JobException e = assertThrows(JobException.class, () -> f.await(job));
        assertTrue(e.getMessage().contains("FATAL: [map:0] java.lang.IllegalStateException: the user's own words"),
                e.getMessage());
        assertTrue(f.events(job).stream().anyMatch(m -> m.startsWith("FATAL: [map:0]")
                && m.contains("at io.jdisco.local.testing.WordWorker.run")));
    }

    @Test
    void workerPrintingTenThousandLinesSucceeds() throws Exception {
        String job = f.disco.submit(TestPacks.wordPack(JobPack.VERSION1,
                TestPacks.classic("Chatty", List.of("raw://a"), true, false, 1), Map.of("print", 10_000)));
        assertEquals(Map.of("a", 1L), f.counts(f.await(job)));
        assertTrue(f.events(job).stream().anyMatch(m -> m.startsWith("MSG: [map:0]") && m.contains("line 9999 of 10000")));
    }

    @Test
    void workerFloodingMessagesIsKilledByTheRateLimiter() throws Exception {
        String text = deathOf("Flood", TestPacks.shellWorker(
                "i=0; while [ $i -lt 30 ]; do send MSG '\"flood\"'; i=$((i+1)); done; sleep 30"));
        assertTrue(text.contains("FATAL: [map:0] Worker is behaving badly: Sent 10 events in a second, ignoring replies."),
                text);
    }

    @Test
    void garbageBeforeTheFirstFrameBecomesLastWords() throws Exception {
        String text = deathOf("Garbage", "#!/bin/sh\necho 'Picked up JAVA_TOOL_OPTIONS: -Xfoo' >&2\necho 'and more'\nexit 3\n");
        assertTrue(text.contains("ERROR: [map:0] Worker died. Last words:\nPicked up JAVA_TOOL_OPTIONS: -Xfoo\nand more"),
                text);
    }

    @Test
    void workerExitingBeforeDoneHasCrashed() throws Exception {
        String text = deathOf("Crash", TestPacks.shellWorker("exit 7"));
        assertTrue(text.contains("ERROR: [map:0] Worker crashed! (exit code: 7)"), text);
    }

    @Test
    void pingIsAnUnknownMessageType() throws Exception {
        String text = deathOf("Ping", TestPacks.shellWorker("send PING '\"\"'; reply; sleep 30"));
        assertTrue(text.contains("FATAL: [map:0] Unknown message type 'PING'"), text);
    }

    @Test
    void wrongProtocolVersionIsFatal() throws Exception {
        String text = deathOf("Version", "#!/bin/sh\nprintf 'WORKER 32 {\"version\": \"1.0\", \"pid\": 12345}\\n' >&2\nsleep 30\n");
        assertTrue(text.contains("FATAL: [map:0] Invalid worker version: \"1.0\""), text);
    }

    @Test
    void silentWorkerMissesThePidTimer() throws Exception {
        String text = deathOf("Silent", "#!/bin/sh\nsleep 30\n");
        assertTrue(text.contains("ERROR: [map:0] Worker did not send its PID in 0.700 seconds"), text);
    }

    @Test
    void halfAFrameTripsTheMessageTimer() throws Exception {
        String text = deathOf("Half", "#!/bin/sh\nprintf 'WORKER 100 {\"vers' >&2\nsleep 30\n");
        assertTrue(text.contains("ERROR: [map:0] Worker stuck in the middle of a message"), text);
    }

    @Test
    void absoluteOutputLocationIsAnError() throws Exception {
        String text = deathOf("AbsOut", TestPacks.shellWorker("send OUTPUT '[0, \"/etc/passwd\", 10]'; reply; sleep 30"));
        assertTrue(text.contains("ERROR: [map:0] {invalid_output, \"/etc/passwd\"}"), text);
    }

    @Test
    void outputLocationWithWhiteSpaceIsAnError() throws Exception {
        // its index line would read back as four fields, so the master refuses it rather than write it
        String text = deathOf("SpaceOut", TestPacks.shellWorker("send OUTPUT '[0, \"out put\", 10]'; reply; sleep 30"));
        assertTrue(text.contains("ERROR: [map:0] {invalid_output, \"out put\"}"), text);
    }
}
