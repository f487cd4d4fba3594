package io.jdisco.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.LocalMasterConfig.WorkerMode;
import io.jdisco.local.testing.Await;
import io.jdisco.local.testing.EnvWorker;
import io.jdisco.local.testing.Fixture;
import io.jdisco.local.testing.TestPacks;
import io.jdisco.worker.DiscoNames;
import io.jdisco.worker.JobException;
import io.jdisco.worker.core.jobpack.JobData;
import io.jdisco.worker.core.jobpack.JobPack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The in-process mode: workers on threads of the master, speaking the same protocol bytes. */
class InProcessWorkerTest {
    private static final String ON_THREADS = "Workers run on threads of the master (in-process mode)";
    private static Fixture threads;

    @BeforeAll
    static void start() {
        threads = new Fixture(Fixture.config().workers(WorkerMode.THREADS).maxFailures(2)
                .taskTimeout(Duration.ofSeconds(20)).build());
    }

    @AfterAll
    static void stop() {
        threads.close();
    }

    private static Map<String, Object> wordJob(String prefix) {
        return TestPacks.classic(prefix, List.of("raw://a,b|c,a", "raw://b,d,a", "raw://e"), true, true, 2);
    }

    @Test
    void threadsGiveTheSameResultsAsProcesses() throws Exception {
        Map<String, Long> inProcess = threads.counts(threads.await(threads.disco.submit(
                TestPacks.wordPack(JobPack.VERSION1, wordJob("Same"), Map.of("partitions", 2)))));
        Map<String, Long> asProcesses;
        try (Fixture processes = new Fixture()) {
            asProcesses = processes.counts(processes.await(processes.disco.submit(
                    TestPacks.wordPack(JobPack.VERSION1, wordJob("Same"), Map.of("partitions", 2)))));
        }
        assertEquals(Map.of("a", 3L, "b", 2L, "c", 1L, "d", 1L, "e", 1L), inProcess);
        assertEquals(asProcesses, inProcess);
    }

    @Test
    void aJdiscoJobSaysItRunsOnThreadsAndItsTasksRunOnNamedThreads() throws Exception {
        String job = threads.disco.submit(TestPacks.javaPack(JobPack.VERSION1,
                TestPacks.classic("Named", List.of("raw://x"), true, false, 1), new EnvWorker(), Map.of("name", "HOME")));
        threads.await(job);
        List<String> events = threads.events(job);
        assertTrue(events.contains(ON_THREADS), events.toString());
        assertTrue(events.stream().anyMatch(m -> m.startsWith("MSG: [map:0] env HOME=")
                && m.endsWith("thread=jdisco-worker-" + job + "-map:0")), events.toString());
    }

    @Test
    void aWorkerThreadSeesTheJobenvsThroughItsEnvironment() throws Exception {
        byte[] data = JobData.encode(new EnvWorker(), Map.of(), Map.of("name", "JDISCO_TEST_JOBENV"));
        byte[] pack = new JobPack(JobPack.VERSION1, TestPacks.classic("Envs", List.of("raw://x"), true, false, 1),
                Map.of("JDISCO_TEST_JOBENV", "from the jobenvs"), TestPacks.home(TestPacks.javaLauncher()), data)
                .encode();
        String job = threads.disco.submit(pack);
        threads.await(job);
        List<String> events = threads.events(job);
        assertTrue(events.stream().anyMatch(m -> m.startsWith("MSG: [map:0] env JDISCO_TEST_JOBENV=from the jobenvs ")),
                events.toString());
    }

    @Test
    void aFatalWorkerThreadKillsTheJobWithTheUsersText() throws Exception {
        String job = threads.disco.submit(TestPacks.wordPack(JobPack.VERSION1,
                TestPacks.classic("ThreadFatal", List.of("raw://a"), true, false, 1), Map.of("fatal", "thread words")));
        JobException e = assertThrows(JobException.class, () -> threads.await(job));
        assertTrue(e.getMessage().contains("FATAL: [map:0] java.lang.IllegalStateException: thread words"),
                e.getMessage());
    }

    @Test
    void aWorkerThreadErrorIsRetriedLikeAProcesses() throws Exception {
        String job = threads.disco.submit(TestPacks.wordPack(JobPack.VERSION1,
                TestPacks.classic("ThreadRetry", List.of("raw://a,b"), true, false, 1), Map.of("errorOnce", true)));
        assertEquals(Map.of("a", 1L, "b", 1L), threads.counts(threads.await(job)));
        List<String> events = threads.events(job);
        assertTrue(events.stream().anyMatch(m -> m.startsWith("ERROR: [map:0] java.io.IOException: deliberate failure")),
                events.toString());
    }

    @Test
    void killingAJobStopsItsWorkerThreadsAndNotTheMaster() throws Exception {
        String job = threads.disco.submit(TestPacks.wordPack(JobPack.VERSION1,
                TestPacks.classic("ThreadKill", List.of("raw://a"), true, false, 1), Map.of("hang", true)));
        Path pidFile = threads.master.discoData().resolve("localhost").resolve(DiscoNames.hexhash(job)).resolve(job)
                .resolve("hang-pid");
        awaitFile(pidFile);
        assertEquals(ProcessHandle.current().pid(), Long.parseLong(Files.readString(pidFile).trim()),
                "an in-process worker announces and sees the master's pid");
        assertTrue(workerThreadAlive(job));
        threads.disco.kill(job);
        Await.until(() -> !workerThreadAlive(job), Duration.ofSeconds(10), "the worker thread of " + job + " ends");
        assertThrows(JobException.class, () -> threads.await(job));
    }

    @Test
    void aHungWorkerThreadFailsOnTheTaskTimeoutLikeAProcess() throws Exception {
        try (Fixture f = new Fixture(Fixture.config().workers(WorkerMode.THREADS).maxFailures(0)
                .taskTimeout(Duration.ofMillis(1500)).build())) {
            String job = f.disco.submit(TestPacks.wordPack(JobPack.VERSION1,
                    TestPacks.classic("ThreadHang", List.of("raw://a"), true, false, 1), Map.of("hang", true)));
            JobException e = assertThrows(JobException.class, () -> f.await(job));
            assertTrue(e.getMessage().contains("Task exceeded its timeout of 1.500 seconds"), e.getMessage());
            Await.until(() -> !workerThreadAlive(job), Duration.ofSeconds(10), "the worker thread of " + job + " ends");
        }
    }

    @Test
    void aShellWorkerStillRunsAsAProcessOnAThreadsMaster() throws Exception {
        String job = threads.disco.submit(TestPacks.scriptPack(TestPacks.classic("Shell", List.of("raw://a"), true, false,
                1), TestPacks.shellWorker("send DONE '\"\"'")));
        threads.await(job);
        List<String> events = threads.events(job);
        assertTrue(events.contains("Workers run as processes: the job data is not a jdisco worker's"), events.toString());
    }

    private static void awaitFile(Path file) throws Exception {
        Await.until(() -> Files.exists(file), Duration.ofSeconds(30), file + " appears");
    }

    private static boolean workerThreadAlive(String job) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("jdisco-worker-" + job + "-") && t.isAlive());
    }
}
