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
import io.jdisco.worker.core.client.MasterUnreachableException;
import io.jdisco.worker.core.client.internal.JobWaiter;
import io.jdisco.worker.core.jobpack.JobPack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The "never stuck, never silent" rules: a silent worker is killed by the task timeout and its
 * task re-run; a task whose worker reports the same error twice fails the job with that error's
 * text; a client waiting on a master that died gives up with "unreachable".
 */
class TimeoutAndRetryTest {
    @Test
    void stoppedWorkerIsKilledByTheTaskTimeoutAndItsTaskRerun() throws Exception {
        // the first attempt announces its pid, then chats every 100 ms for 30 s; the second finishes at once
        String script = TestPacks.shellWorker("if mkdir first 2>/dev/null; then echo $$ > pid.tmp; mv pid.tmp stopme;"
                + " i=0; while [ $i -lt 300 ]; do send MSG '\"working\"'; reply; sleep 0.1; i=$((i+1)); done; fi\n"
                + "send OUTPUT '[0, \"raw://done\", 4]'; reply\nsend DONE '\"\"'");
        try (Fixture f = new Fixture(Fixture.config().idleTimeout(Duration.ofSeconds(1)).build())) {
            String job = f.disco.submit(TestPacks.scriptPack(TestPacks.classic("Stopped", List.of("raw://a"), true,
                    false, 1), script));
            Path pidFile = f.master.discoData().resolve("localhost/" + DiscoNames.hexhash(job) + "/" + job + "/stopme");
            Await.until(() -> Files.exists(pidFile), Duration.ofSeconds(30), "the first attempt's pid in " + pidFile);
            String pid = Files.readString(pidFile).trim();
            Process stop = new ProcessBuilder("kill", "-STOP", pid).start();
            assertTrue(stop.waitFor(10, TimeUnit.SECONDS) && stop.exitValue() == 0, "kill -STOP " + pid);
            assertEquals(List.of(List.of("raw://done")), f.await(job));
            List<String> events = f.events(job);
            assertTrue(events.contains("ERROR: [map:0] Task timed out: the worker sent nothing for 1 seconds"
                    + " (the task timeout)"), events.toString());
            assertTrue(events.contains("SYS: [map:0] Task started (attempt 2)"), events.toString());
            assertFalse(ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false),
                    "the stopped worker " + pid + " was killed");
        }
    }

    @Test
    void missingInputFailsTheJobAfterTwoAttemptsWithTheErrorsTextNotItsTrace() throws Exception {
        try (Fixture f = new Fixture(Fixture.config().maxFailures(10).build())) {
            String job = f.disco.submit(TestPacks.wordPack(JobPack.VERSION1,
                    TestPacks.classic("Missing", List.of("file:///does/not/exist"), true, false, 1), Map.of()));
            JobException e = assertThrows(JobException.class, () -> f.await(job));
            List<String> events = f.events(job);
            String firstError = events.stream().filter(ev -> ev.startsWith("ERROR: [map:0] ")).findFirst().orElseThrow();
            assertTrue(firstError.contains("\n\tat "), "the event log keeps the stack trace: " + firstError);
            String expected = firstError.substring(0, firstError.indexOf('\n'));
            assertTrue(expected.contains("Unable to access resource (file:///does/not/exist): the test worker reads"
                    + " only this node's /disco/ files"), expected);
            assertEquals("Job " + job + " failed: Status dead: " + expected, e.getMessage());
            assertTrue(events.contains("SYS: [map:0] Task started (attempt 2)"), events.toString());
            assertFalse(events.contains("SYS: [map:0] Task started (attempt 3)"), events.toString());
            assertTrue(events.get(events.size() - 1).endsWith("task map:0 failed twice in a row with the same error,"
                    + " which a re-run will not cure: " + expected.substring("ERROR: [map:0] ".length())),
                    events.toString());
        }
    }

    @Test
    void crashesKeepTheFullRetryBudget() throws Exception {
        try (Fixture f = new Fixture(Fixture.config().maxFailures(3).build())) {
            String job = f.disco.submit(TestPacks.scriptPack(TestPacks.classic("Crashing", List.of("raw://a"), true,
                    false, 1), TestPacks.shellWorker("exit 3")));
            JobException e = assertThrows(JobException.class, () -> f.await(job));
            assertTrue(e.getMessage().endsWith("ERROR: [map:0] Worker crashed! (exit code: 3)"), e.getMessage());
            assertTrue(f.events(job).contains("SYS: [map:0] Task started (attempt 4)"), f.events(job).toString());
        }
    }

    @Test
    void theTaskTimeoutIsTenMinutesByDefaultAndSetByTheCommandLine() {
        assertEquals(java.util.Optional.of(Duration.ofMinutes(10)), LocalMasterConfig.defaults().idleTimeout());
        assertEquals(java.util.Optional.of(Duration.ofSeconds(45)),
                LocalMasterMain.parse(new String[] {"--task-timeout", "45"}).idleTimeout());
        assertEquals(java.util.Optional.empty(), LocalMasterMain.parse(new String[] {"--task-timeout", "0"}).idleTimeout());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LocalMasterMain.parse(new String[] {"--task-timeout", "-1"}));
        assertEquals("--task-timeout needs a whole number of seconds (0: none), got '-1'", e.getMessage());
    }

    @Test
    void waitingClientGivesUpOnAMasterThatDiedWithUnreachable() throws Exception {
        assertTrue(JobWaiter.UNREACHABLE_AFTER.compareTo(Duration.ofSeconds(30)) <= 0, "the default bound is <= 30 s");
        LocalMaster master = LocalMaster.start(Fixture.config().build());
        Disco disco = new Disco(master.url());
        String job = disco.submit(TestPacks.scriptPack(TestPacks.classic("Orphan", List.of("raw://a"), true, false, 1),
                TestPacks.shellWorker("sleep 60")));
        CompletableFuture<List<List<String>>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return new JobWaiter(disco, Duration.ofSeconds(2)).await(job, Duration.ofMillis(200), null);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        Thread.sleep(300); // the behaviour under test: a waiter of a running job keeps waiting
        assertFalse(waiting.isDone(), "the job is still running");
        long closed = System.nanoTime();
        master.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> waiting.get(20, TimeUnit.SECONDS));
        long noticedMillis = (System.nanoTime() - closed) / 1_000_000;
        assertTrue(e.getCause() instanceof MasterUnreachableException, e.getCause().toString());
        String message = e.getCause().getMessage();
        assertTrue(message.startsWith("the master at " + master.url() + " is unreachable: no answer for "), message);
        assertTrue(message.contains(" s while waiting for job " + job + " ("), message);
        assertTrue(noticedMillis < 10_000, "noticed after " + noticedMillis + " ms");
    }
}
