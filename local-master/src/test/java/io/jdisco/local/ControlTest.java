package io.jdisco.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.testing.Await;
import io.jdisco.local.testing.Fixture;
import io.jdisco.local.testing.TestPacks;
import io.jdisco.worker.CommException;
import io.jdisco.worker.DiscoNames;
import io.jdisco.worker.JobException;
import io.jdisco.worker.core.client.JobInfo;
import io.jdisco.worker.core.client.JobStatus;
import io.jdisco.worker.core.jobpack.JobPack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Job control over the HTTP API: kill, purge, clean, job info and list, get_results waiting. */
class ControlTest {
    private static Fixture f;

    @BeforeAll
    static void start() {
        f = new Fixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static Path home(String job) {
        return f.master.discoData().resolve("localhost").resolve(DiscoNames.hexhash(job)).resolve(job);
    }

    private static String sleeper(String prefix) throws Exception {
        return f.disco.submit(TestPacks.scriptPack(TestPacks.classic(prefix, List.of("raw://a"), true, false, 1),
                TestPacks.shellWorker("sleep 60 & echo $! > child.pid.tmp; mv child.pid.tmp child.pid; echo $$ > worker.pid; wait")));
    }

    private static long waitForPid(Path file) throws Exception {
        Await.until(() -> Await.numberIn(file) > 0, Duration.ofSeconds(20), "a pid written whole to " + file);
        return Await.numberIn(file);
    }

    private static void awaitDeath(long pid, String what) throws Exception {
        Await.until(() -> Await.gone(pid), Duration.ofSeconds(10), what);
    }

    @Test
    void killJobMakesItDeadAndKillsItsWorkerAndChildren() throws Exception {
        String job = sleeper("KillMe");
        long child = waitForPid(home(job).resolve("child.pid"));
        long worker = waitForPid(home(job).resolve("worker.pid"));
        JobInfo info = f.disco.jobInfo(job);
        assertEquals(JobStatus.ACTIVE, info.status());
        assertEquals(1, info.pipeline().get(0).running());
        f.disco.kill(job);
        awaitDeath(worker, "worker " + worker + " killed");
        awaitDeath(child, "worker's child " + child + " killed");
        assertThrows(JobException.class, () -> f.await(job));
        assertEquals(JobStatus.DEAD, f.disco.results(job, 0).status());
        assertTrue(f.events(job).contains("Job killed by the user"));
    }

    @Test
    void getResultsAnswersAsSoonAsTheJobEnds() throws Exception {
        String job = sleeper("Waited");
        waitForPid(home(job).resolve("worker.pid"));
        long start = System.nanoTime();
        new Thread(() -> {
            try {
                Thread.sleep(300); // the job ends a while after the long poll began: the behaviour under test
                f.disco.kill(job);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).start();
        assertEquals(JobStatus.DEAD, f.disco.results(job, 20_000).status());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
    }

    @Test
    void purgeDeletesTheJobAndItsData() throws Exception {
        String job = f.disco.submit(TestPacks.wordPack(JobPack.VERSION1,
                TestPacks.classic("PurgeMe", List.of("raw://a"), true, false, 1), Map.of()));
        f.await(job);
        assertTrue(Files.isDirectory(home(job)));
        f.disco.purge(job);
        assertFalse(Files.exists(home(job)), "job home deleted");
        assertEquals(JobStatus.UNKNOWN, f.disco.results(job, 0).status());
        CommException e = assertThrows(CommException.class, () -> f.disco.jobInfo(job));
        assertTrue(e.getMessage().contains("404") || e.getMessage().contains("unknown job"), e.getMessage());
        assertTrue(f.disco.jobs().stream().noneMatch(j -> j.name().equals(job)));
    }

    @Test
    void jobInfoAndJobListDescribeAFinishedJob() throws Exception {
        String job = f.disco.submit(TestPacks.wordPack(JobPack.VERSION1,
                TestPacks.classic("Described", List.of("raw://a", "raw://b"), true, false, 1), Map.of()));
        List<List<String>> results = f.await(job);
        JobInfo info = f.disco.jobInfo(job);
        assertEquals(JobStatus.READY, info.status());
        assertEquals(List.of("raw://a", "raw://b"), info.inputs());
        assertEquals(results.get(0), info.results());
        assertEquals("bin/worker", info.worker());
        assertEquals("tester@localhost", info.owner());
        assertTrue(info.timestamp().matches("\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d"), info.timestamp());
        assertEquals(job, f.disco.jobs().get(0).name(), "newest first");
        assertTrue(job.matches("Described@[0-9a-f]+:[0-9a-f]+:[0-9a-f]+"), job);
    }

    @Test
    void fatalTaskKillsTheOtherRunningTasks() throws Exception {
        String script = TestPacks.shellWorker("case \"$REPLY_LINE\" in\n"
                + "  *'\"taskid\":0'*) while [ ! -f sleeper.pid ]; do sleep 0.05; done; send FATAL '\"boom\"'; sleep 60;;\n"
                + "  *) echo $$ > sleeper.pid.tmp; mv sleeper.pid.tmp sleeper.pid; sleep 60;;\n"
                + "esac");
        String job = f.disco.submit(TestPacks.scriptPack(TestPacks.classic("Boom", List.of("raw://a", "raw://b"), true,
                false, 1), script));
        long sleeper = waitForPid(home(job).resolve("sleeper.pid"));
        JobException e = assertThrows(JobException.class, () -> f.await(job));
        assertTrue(e.getMessage().contains("FATAL: [map:0] boom"), e.getMessage());
        awaitDeath(sleeper, "the other task's worker " + sleeper + " is killed");
    }

    @Test
    void unknownJobHasStatusUnknown() throws Exception {
        assertEquals(JobStatus.UNKNOWN, f.disco.results("Nope@1:2:3", 0).status());
    }
}
