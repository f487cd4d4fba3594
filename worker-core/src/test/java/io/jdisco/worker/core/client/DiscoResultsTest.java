package io.jdisco.worker.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.DataException;
import io.jdisco.worker.JobException;
import io.jdisco.worker.core.client.FakeMaster.Reply;
import io.jdisco.worker.core.client.internal.JobWaiter;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DiscoResultsTest {
    private static final String JOB = "J@1:2:3";
    private static final String READY = "[[\"" + JOB + "\",[\"ready\",[[\"dir://n/a\"],"
            + "[\"disco://n1/b\",\"disco://n2/b\"]]]]]";
    private static final String ACTIVE = "[[\"" + JOB + "\",[\"active\",[]]]]";

    private final FakeMaster master;
    private final Disco disco;

    DiscoResultsTest() throws IOException {
        master = new FakeMaster();
        disco = new Disco(master.url());
    }

    @AfterEach
    void stop() {
        master.close();
    }

    /** The timeouts the client asked the master to wait, from {@code [timeout, [names]]}. */
    private List<Long> requestedTimeouts() {
        List<Long> out = new ArrayList<>();
        for (FakeMaster.Request r : master.requests("/disco/ctrl/get_results")) {
            String body = r.bodyText();
            out.add(Long.parseLong(body.substring(1, body.indexOf(','))));
        }
        return out;
    }

    @Test
    void resultsSendsTimeoutAndNameAndReturnsReplicaLists() throws Exception {
        master.route("POST", "/disco/ctrl/get_results", Reply.json(READY));
        JobResults results = disco.results(JOB, 1500);
        assertEquals(new JobResults(JOB, JobStatus.READY, List.of(List.of("dir://n/a"),
                List.of("disco://n1/b", "disco://n2/b"))), results);
        // json.dumps([timeout, jobnames]), as Disco's Python client sends it
        assertEquals("[1500, [\"" + JOB + "\"]]",
                master.requests("/disco/ctrl/get_results").get(0).bodyText());
    }

    @Test
    void resultsOfSeveralJobsKeepTheReplyOrder() throws Exception {
        master.route("POST", "/disco/ctrl/get_results", Reply.json(
                "[[\"B\",[\"active\",[]]],[\"A\",[\"unknown job\",[]]]]"));
        Map<String, JobResults> results = disco.results(List.of("A", "B"), 0);
        assertEquals(List.of("B", "A"), new ArrayList<>(results.keySet()));
        assertEquals(JobStatus.UNKNOWN, results.get("A").status());
    }

    @Test
    void unexpectedStatusTextIsDataException() {
        master.route("POST", "/disco/ctrl/get_results",
                Reply.json("[[\"" + JOB + "\",[\"sleeping\",[]]]]"));
        DataException e = assertThrows(DataException.class, () -> disco.results(JOB, 0));
        assertTrue(e.getMessage().contains("'sleeping'"), e.getMessage());
    }

    @Test
    void waitBacksOffUntilReadyAndReturnsTheResults() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        master.route("POST", "/disco/ctrl/get_results",
                r -> Reply.json(calls.incrementAndGet() <= 5 ? ACTIVE : READY));
        List<List<String>> results = disco.waitFor(JOB, Duration.ofMillis(10),
                Duration.ofSeconds(30));
        assertEquals(List.of(List.of("dir://n/a"), List.of("disco://n1/b", "disco://n2/b")),
                results);
        assertEquals(List.of(10L, 20L, 40L, 80L, 80L, 80L), requestedTimeouts());
    }

    @Test
    void waitSleepsTheRestOfTheIntervalWhenTheMasterAnswersAtOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        master.route("POST", "/disco/ctrl/get_results",
                r -> Reply.json(calls.incrementAndGet() <= 3 ? ACTIVE : READY));
        long start = System.nanoTime();
        disco.waitFor(JOB, Duration.ofMillis(20), Duration.ofSeconds(30));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMillis >= 20 + 40 + 80, "waited only " + elapsedMillis + " ms");
    }

    @Test
    void waitForDeadJobCarriesItsLastFailureEvent() {
        master.route("POST", "/disco/ctrl/get_results",
                Reply.json("[[\"" + JOB + "\",[\"dead\",[]]]]"));
        master.file("/disco/ctrl/rawevents", new AtomicReference<>((
                "[\"2014/10/27 12:00:00\",\"n1\",\"ERROR: [map:0] disk full\"]\n"
                + "[\"2014/10/27 12:00:01\",\"n1\",\"FATAL: [map:1] Traceback: boom\"]\n"
                + "[\"2014/10/27 12:00:02\",\"master\",\"WARNING: Job killed\"]\n")
                .getBytes()));
        JobException e = assertThrows(JobException.class,
                () -> disco.waitFor(JOB, Duration.ofMillis(10), Duration.ofSeconds(30)));
        assertEquals(JOB, e.jobName());
        assertEquals("Job " + JOB + " failed: Status dead: FATAL: [map:1] Traceback: boom",
                e.getMessage());
    }

    @Test
    void waitForDeadJobNamesTheFirstFatalNotTheStoppedTaskLoggedAfterIt() {
        master.route("POST", "/disco/ctrl/get_results",
                Reply.json("[[\"" + JOB + "\",[\"dead\",[]]]]"));
        master.file("/disco/ctrl/rawevents", new AtomicReference<>((
                "[\"2014/10/27 12:00:00\",\"n1\",\"FATAL: [map:1] bad line 2\"]\n"
                + "[\"2014/10/27 12:00:01\",\"n1\",\"ERROR: [map:0] Worker crashed! (still running)\"]\n"
                + "[\"2014/10/27 12:00:02\",\"n1\",\"FATAL: [map:0] interrupted\"]\n")
                .getBytes()));
        JobException e = assertThrows(JobException.class,
                () -> disco.waitFor(JOB, Duration.ofMillis(10), Duration.ofSeconds(30)));
        assertEquals("Job " + JOB + " failed: Status dead: FATAL: [map:1] bad line 2", e.getMessage());
    }

    @Test
    void waitForAKilledJobSaysItWasKilled() {
        master.route("POST", "/disco/ctrl/get_results",
                Reply.json("[[\"" + JOB + "\",[\"dead\",[]]]]"));
        master.file("/disco/ctrl/rawevents", new AtomicReference<>((
                "[\"2014/10/27 12:00:00\",\"n1\",\"SYS: [map:0] Task started (attempt 1)\"]\n"
                + "[\"2014/10/27 12:00:01\",\"master\",\"Job killed by the user\"]\n"
                + "[\"2014/10/27 12:00:02\",\"master\",\"Job dead after 0:00:02: job killed by the user\"]\n")
                .getBytes()));
        JobException e = assertThrows(JobException.class,
                () -> disco.waitFor(JOB, Duration.ofMillis(10), Duration.ofSeconds(30)));
        assertEquals("Job " + JOB + " failed: Status dead: Job killed by the user", e.getMessage());
    }

    @Test
    void waitForDeadJobWithoutFailureEventsSaysStatusDead() {
        master.route("POST", "/disco/ctrl/get_results",
                Reply.json("[[\"" + JOB + "\",[\"dead\",[]]]]"));
        master.file("/disco/ctrl/rawevents", new AtomicReference<>(new byte[0]));
        JobException e = assertThrows(JobException.class,
                () -> disco.waitFor(JOB, Duration.ofMillis(10), Duration.ofSeconds(30)));
        assertTrue(e.getMessage().contains("Status dead"), e.getMessage());
    }

    @Test
    void waitForUnknownJobFails() {
        master.route("POST", "/disco/ctrl/get_results",
                Reply.json("[[\"" + JOB + "\",[\"unknown job\",[]]]]"));
        JobException e = assertThrows(JobException.class,
                () -> disco.waitFor(JOB, Duration.ofMillis(10), Duration.ofSeconds(30)));
        assertEquals("Job " + JOB + " failed: Status unknown job", e.getMessage());
    }

    @Test
    void waitGivesUpAfterTheTimeout() {
        master.route("POST", "/disco/ctrl/get_results", Reply.json(ACTIVE));
        JobException e = assertThrows(JobException.class,
                () -> disco.waitFor(JOB, Duration.ofMillis(5), Duration.ofMillis(60)));
        assertEquals("Job " + JOB + " failed: Timeout", e.getMessage());
    }

    @Test
    void waitGivesUpOnAMasterThatStoppedAnswering() throws Exception {
        FakeMaster dying = new FakeMaster();
        AtomicInteger calls = new AtomicInteger();
        dying.route("POST", "/disco/ctrl/get_results", r -> {
            calls.incrementAndGet();
            return Reply.json(ACTIVE);
        });
        Disco client = new Disco(dying.url());
        CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
            try {
                new JobWaiter(client, Duration.ofMillis(300)).await(JOB, Duration.ofMillis(5), null);
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        while (calls.get() < 2) {
            Thread.sleep(5);
        }
        dying.close();
        Throwable e = failure.get(20, TimeUnit.SECONDS);
        assertTrue(e instanceof MasterUnreachableException, String.valueOf(e));
        assertTrue(e.getMessage().startsWith("the master at " + dying.url() + " is unreachable: no answer for "),
                e.getMessage());
        assertTrue(e.getMessage().contains(" s while waiting for job " + JOB + " (java.net.ConnectException"),
                e.getMessage());
        assertEquals(OptionalInt.empty(), ((MasterUnreachableException) e).status());
    }

    @Test
    void waitForDeadJobShowsItsLastFailureEventWithoutTheStackTrace() {
        master.route("POST", "/disco/ctrl/get_results",
                Reply.json("[[\"" + JOB + "\",[\"dead\",[]]]]"));
        master.file("/disco/ctrl/rawevents", new AtomicReference<>(("[\"2014/10/27 12:00:00\",\"n1\","
                + "\"ERROR: [map:0] java.io.IOException: disk full\\n\\tat a.B.c(B.java:1)\\n\"]\n").getBytes()));
        JobException e = assertThrows(JobException.class,
                () -> disco.waitFor(JOB, Duration.ofMillis(10), Duration.ofSeconds(30)));
        assertEquals("Job " + JOB + " failed: Status dead: ERROR: [map:0] java.io.IOException: disk full",
                e.getMessage());
    }

    @Test
    void waitTreatsHttpErrorsAsStillActive() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        master.route("POST", "/disco/ctrl/get_results", r -> calls.incrementAndGet() == 1
                ? Reply.status(500, "Internal server error") : Reply.json(READY));
        assertEquals(2, disco.waitFor(JOB, Duration.ofMillis(5), Duration.ofSeconds(30)).size());
        assertEquals(2, calls.get());
    }
}
