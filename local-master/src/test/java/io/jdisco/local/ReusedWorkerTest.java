package io.jdisco.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.LocalMasterConfig.WorkerMode;
import io.jdisco.local.testing.Await;
import io.jdisco.local.testing.EnvWorker;
import io.jdisco.local.testing.Fixture;
import io.jdisco.local.testing.TestPacks;
import io.jdisco.worker.DiscoNames;
import io.jdisco.worker.JobException;
import io.jdisco.worker.core.jobpack.JobPack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reused worker processes: a jdisco job's tasks one after another in a few worker JVMs. */
class ReusedWorkerTest {
    private static final String REUSED = "Workers run as reused processes, one job's tasks after another";
    private static final Pattern PID = Pattern.compile("^MSG: \\[map:\\d+\\] env HOME=.* pid=(\\d+) thread=.*$");
    private static Fixture reused;

    @BeforeAll
    static void start() {
        reused = new Fixture(Fixture.config().workers(WorkerMode.REUSED_PROCESSES).slots(1).maxFailures(2)
                .taskTimeout(Duration.ofSeconds(30)).build());
    }

    @AfterAll
    static void stop() {
        reused.close();
    }

    private static Map<String, Object> wordJob(String prefix) {
        return TestPacks.classic(prefix, List.of("raw://a,b|c,a", "raw://b,d,a", "raw://e"), true, true, 2);
    }

    @Test
    void reusedProcessesGiveTheSameResultsAsAProcessPerTask() throws Exception {
        Map<String, Long> fromReused = reused.counts(reused.await(reused.disco.submit(
                TestPacks.wordPack(JobPack.VERSION1, wordJob("Same"), Map.of("partitions", 2)))));
        Map<String, Long> fromProcesses;
        try (Fixture processes = new Fixture()) {
            fromProcesses = processes.counts(processes.await(processes.disco.submit(
                    TestPacks.wordPack(JobPack.VERSION1, wordJob("Same"), Map.of("partitions", 2)))));
        }
        assertEquals(Map.of("a", 3L, "b", 2L, "c", 1L, "d", 1L, "e", 1L), fromReused);
        assertEquals(fromProcesses, fromReused);
    }

    @Test
    void aJobsTasksRunOneAfterAnotherInOneWorkerProcessOfItsOwn() throws Exception {
        String job = reused.disco.submit(TestPacks.javaPack(JobPack.VERSION1,
                TestPacks.classic("OnePid", List.of("raw://w", "raw://x", "raw://y", "raw://z"), true, false, 1),
                new EnvWorker(), Map.of("name", "HOME")));
        reused.await(job);
        List<String> events = reused.events(job);
        assertTrue(events.contains(REUSED), events.toString());
        Set<Long> pids = pids(events);
        assertEquals(1, pids.size(), "four tasks on one slot should share one worker process: " + events);
        assertNotEquals(ProcessHandle.current().pid(), pids.iterator().next(), "the worker is not the master");
    }

    @Test
    void aTaskErrorIsRetriedAndTheJobSucceeds() throws Exception {
        String job = reused.disco.submit(TestPacks.wordPack(JobPack.VERSION1,
                TestPacks.classic("ReusedRetry", List.of("raw://a,b", "raw://b"), true, false, 1),
                Map.of("errorOnce", true)));
        assertEquals(Map.of("a", 1L, "b", 2L), reused.counts(reused.await(job)));
        List<String> events = reused.events(job);
        assertTrue(events.stream().anyMatch(m -> m.startsWith("ERROR: [map:0] java.io.IOException: deliberate failure")),
                events.toString());
    }

    @Test
    void aFatalTaskKillsTheJobWithTheUsersText() throws Exception {
        String job = reused.disco.submit(TestPacks.wordPack(JobPack.VERSION1,
                TestPacks.classic("ReusedFatal", List.of("raw://a"), true, false, 1), Map.of("fatal", "host words")));
        JobException e = assertThrows(JobException.class, () -> reused.await(job));
        assertTrue(e.getMessage().contains("FATAL: [map:0] java.lang.IllegalStateException: host words"),
                e.getMessage());
    }

    @Test
    void theIdleWorkerProcessesAreKilledWhenTheJobEnds() throws Exception {
        try (Fixture f = new Fixture(Fixture.config().workers(WorkerMode.REUSED_PROCESSES).build())) {
            String job = f.disco.submit(TestPacks.javaPack(JobPack.VERSION1,
                    TestPacks.classic("Idle", List.of("raw://x", "raw://y", "raw://z"), true, false, 1),
                    new EnvWorker(), Map.of("name", "HOME")));
            f.await(job);
            Set<Long> pids = pids(f.events(job));
            assertTrue(!pids.isEmpty() && pids.size() <= 2, "at most one worker process a slot: " + pids);
            Await.until(() -> !anyAlive(pids), Duration.ofSeconds(10), "worker processes " + pids + " end with job " + job);
        }
    }

    @Test
    void killingAJobKillsTheWorkerProcessRunningItsTask() throws Exception {
        String job = reused.disco.submit(TestPacks.wordPack(JobPack.VERSION1,
                TestPacks.classic("ReusedKill", List.of("raw://a"), true, false, 1), Map.of("hang", true)));
        Path pidFile = reused.master.discoData().resolve("localhost").resolve(DiscoNames.hexhash(job)).resolve(job)
                .resolve("hang-pid");
        Await.until(() -> Files.exists(pidFile), Duration.ofSeconds(30), "the hanging worker's pid in " + pidFile);
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        assertTrue(anyAlive(Set.of(pid)));
        reused.disco.kill(job);
        Await.until(() -> !anyAlive(Set.of(pid)), Duration.ofSeconds(10), "worker process " + pid + " dies with the kill of "
                + job);
        assertThrows(JobException.class, () -> reused.await(job));
    }

    @Test
    void aShellWorkerStillRunsAProcessPerTask() throws Exception {
        String job = reused.disco.submit(TestPacks.scriptPack(TestPacks.classic("ReusedShell", List.of("raw://a"), true,
                false, 1), TestPacks.shellWorker("send DONE '\"\"'")));
        reused.await(job);
        List<String> events = reused.events(job);
        assertTrue(events.contains("Workers run as one process per task: the job data is not a jdisco worker's"),
                events.toString());
    }

    private static Set<Long> pids(List<String> events) {
        return events.stream().map(PID::matcher).filter(Matcher::matches).map(m -> Long.parseLong(m.group(1)))
                .collect(Collectors.toSet());
    }

    private static boolean anyAlive(Set<Long> pids) {
        return pids.stream().anyMatch(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false));
    }
}
