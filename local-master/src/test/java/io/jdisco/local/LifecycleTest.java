package io.jdisco.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.testing.Await;
import io.jdisco.local.testing.Fixture;
import io.jdisco.local.testing.TestPacks;
import io.jdisco.worker.DiscoNames;
import io.jdisco.worker.JobException;
import io.jdisco.worker.core.client.Disco;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task timeouts, the failure limit, jobevents, close() and the command line. */
class LifecycleTest {
    @TempDir
    Path tmp;

    private static String sleeperScript() {
        return TestPacks.shellWorker("echo $$ >> pids; sleep 60");
    }

    @Test
    void taskOverItsTimeoutIsRetriedUpToTheFailureLimitThenTheJobDies() throws Exception {
        try (Fixture f = new Fixture(Fixture.config().maxFailures(1).taskTimeout(Duration.ofMillis(400)).build())) {
            String job = f.disco.submit(TestPacks.scriptPack(TestPacks.classic("Slow", List.of("raw://a"), true, false, 1),
                    sleeperScript()));
            JobException e = assertThrows(JobException.class, () -> f.await(job));
            assertTrue(e.getMessage().contains("ERROR: [map:0] Task exceeded its timeout of 0.400 seconds"), e.getMessage());
            List<String> events = f.events(job);
            assertTrue(events.contains("SYS: [map:0] Task started (attempt 2)"), events.toString());
            assertFalse(events.contains("SYS: [map:0] Task started (attempt 3)"), events.toString());
            assertTrue(events.get(events.size() - 1).contains("task map:0 failed 2 times, more than the maximum of 1"),
                    events.toString());
        }
    }

    @Test
    void jobeventsFiltersTheNewestEvents() throws Exception {
        try (Fixture f = new Fixture()) {
            String job = f.disco.submit(TestPacks.scriptPack(TestPacks.classic("Chat", List.of("raw://a"), true, false, 1),
                    TestPacks.shellWorker("send MSG '\"one\"'; reply; send MSG '\"two\"'; reply; send FATAL '\"stop\"'")));
            assertThrows(JobException.class, () -> f.await(job));
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(f.master.url()
                    + "/disco/ctrl/jobevents?name=" + job.replace(":", "%3A") + "&num=2&filter=MSG")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(r.body().matches("\\[\\[\"[^\"]+\",\"localhost\",\"MSG: \\[map:0\\] two\"\\],"
                    + "\\[\"[^\"]+\",\"localhost\",\"MSG: \\[map:0\\] one\"\\]\\]"), r.body());
        }
    }

    @Test
    void closeKillsRunningWorkersAndDeletesTheTemporaryRoot() throws Exception {
        LocalMaster master = LocalMaster.start(Fixture.config().build());
        Disco disco = new Disco(master.url());
        String job = disco.submit(TestPacks.scriptPack(TestPacks.classic("Closed", List.of("raw://a"), true, false, 1),
                sleeperScript()));
        Path pids = master.discoData().resolve("localhost/" + DiscoNames.hexhash(job) + "/" + job + "/pids");
        Await.until(() -> Await.numberIn(pids) > 0, Duration.ofSeconds(20), "the worker wrote its pid to " + pids);
        long pid = Await.numberIn(pids);
        Path root = master.dataRoot();
        master.close();
        Await.until(() -> Await.gone(pid), Duration.ofSeconds(10), "worker " + pid + " killed by close()");
        assertFalse(Files.exists(root), "temporary root deleted");
    }

    @Test
    void aStartedMasterHasAskedTheJdkHttpServerForNoDelay() {
        try (LocalMaster master = LocalMaster.start(Fixture.config().build())) {
            assertEquals("true", System.getProperty("sun.net.httpserver.nodelay"), master.toString());
        }
    }

    @Test
    void givenDataRootIsKeptAfterClose() {
        Path root = tmp.resolve("root");
        LocalMaster master = LocalMaster.start(LocalMasterConfig.builder().dataRoot(root).slots(1).build());
        assertEquals(root, master.dataRoot());
        assertEquals(root.resolve("data"), master.discoData());
        master.close();
        assertTrue(Files.isDirectory(root.resolve("data")));
        assertTrue(Files.isDirectory(root.resolve("ddfs")));
    }

    @Test
    void commandLineOptionsBuildTheConfiguration() {
        LocalMasterConfig c = LocalMasterMain.parse(new String[] {"--port", "9999", "--data", tmp.toString(),
            "--slots", "3", "--host", "node1"});
        assertEquals(9999, c.port());
        assertEquals(tmp, c.dataRoot().orElseThrow());
        assertEquals(3, c.slots());
        assertEquals("node1", c.host());
        assertEquals(LocalMasterConfig.WorkerMode.PROCESSES, c.workers());
    }

    @Test
    void workersOptionChoosesThreads() {
        assertEquals(LocalMasterConfig.WorkerMode.THREADS,
                LocalMasterMain.parse(new String[] {"--workers", "threads"}).workers());
    }

    @Test
    void workersOptionChoosesReusedProcesses() {
        assertEquals(LocalMasterConfig.WorkerMode.REUSED_PROCESSES,
                LocalMasterMain.parse(new String[] {"--workers", "reused"}).workers());
    }

    @Test
    void anUnknownWorkersOptionNamesTheChoices() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LocalMasterMain.parse(new String[] {"--workers", "x"}))
                .getMessage().contains("--workers needs 'processes', 'reused' or 'threads', got 'x'"));
    }

    @Test
    void badCommandLineOptionsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LocalMasterMain.parse(new String[] {"--slots", "x"}))
                .getMessage().contains("--slots needs an integer, got 'x'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LocalMasterMain.parse(new String[] {"--bogus", "1"}))
                .getMessage().contains("unknown argument '--bogus'"));
    }
}
