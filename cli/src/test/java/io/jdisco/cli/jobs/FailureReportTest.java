package io.jdisco.cli.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.cli.CliRun;
import io.jdisco.cli.Console;
import io.jdisco.cli.FaultJobs;
import io.jdisco.cli.Main;
import io.jdisco.cli.MasterConnection;
import io.jdisco.examples.Join;
import io.jdisco.local.LocalMaster;
import io.jdisco.local.LocalMasterConfig.WorkerMode;
import io.jdisco.local.LocalMasterConfig;
import io.jdisco.local.testing.Await;
import io.jdisco.worker.JobException;
import io.jdisco.worker.Params;
import io.jdisco.worker.classic.ClassicJob;
import io.jdisco.worker.core.client.Disco;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a failed job run by a command tells: the task that failed first, its last events, the trace on request. */
class FailureReportTest {
    @TempDir
    Path tmp;

    /** Left: 20,000 good lines, its map still running; right: a line without a TAB. */
    private List<String> joinInputs() throws Exception {
        StringBuilder left = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            left.append('k').append(i).append("\tv").append(i).append('\n');
        }
        Path l = Files.writeString(tmp.resolve("left.tsv"), left);
        Path r = Files.writeString(tmp.resolve("right.tsv"), "k1\tr1\nbroken line\nk2\tr2\n");
        return List.of(l.toString(), r.toString());
    }

    @Test
    void onThreadsTheFailingTaskIsNamedEveryTimeWithItsOwnText() throws Exception {
        List<String> inputs = joinInputs();
        for (int i = 0; i < 20; i++) {
            CliRun run = CliRun.of("join", "--workers", "threads", inputs.get(0), inputs.get(1));
            assertEquals(Main.FAILED, run.status(), run.describe());
            String last = run.err().lines().reduce((a, b) -> b).orElse("");
            assertTrue(last.contains("Status dead: FATAL: [map:1] java.lang.IllegalArgumentException: join input file://"
                    + tmp.resolve("right.tsv") + " line 2 has no TAB"), "run " + i + ":\n" + run.err());
            assertFalse(run.err().contains("Worker crashed"), "run " + i + ":\n" + run.err());
            assertTrue(run.err().contains("last events of task map:1:\n"), run.err());
            assertFalse(run.err().contains("\tat io.jdisco.examples.Join.tagSide"), "no trace without -v:\n" + run.err());
        }
    }

    @Test
    void theJavaApiOnThreadsNamesTheFailingTaskEveryTime() throws Exception {
        List<String> inputs = joinInputs();
        String left = "file://" + Path.of(inputs.get(0)).toAbsolutePath();
        String right = "file://" + Path.of(inputs.get(1)).toAbsolutePath();
        try (LocalMaster master = LocalMaster.start(LocalMasterConfig.builder().workers(WorkerMode.THREADS).build())) {
            Disco disco = new Disco(master.url());
            for (int i = 0; i < 20; i++) {
                JobException e = org.junit.jupiter.api.Assertions.assertThrows(JobException.class,
                        () -> Join.job(left, right, 1).run(disco).waitFor());
                assertTrue(e.getMessage().contains("Status dead: FATAL: [map:1] java.lang.IllegalArgumentException: join"
                        + " input " + right + " line 2 has no TAB"), "run " + i + ": " + e.getMessage());
            }
        }
    }

    @Test
    void verboseShowsTheStackTrace() throws Exception {
        List<String> inputs = joinInputs();
        CliRun run = CliRun.of("-v", "join", "--workers", "threads", inputs.get(0), inputs.get(1));
        assertEquals(Main.FAILED, run.status(), run.describe());
        assertTrue(run.err().contains("\tat io.jdisco.examples.Join.tagSide"), run.err());
        CliRun late = CliRun.of("join", inputs.get(0), inputs.get(1), "--verbose", "--workers", "threads");
        assertTrue(late.err().contains("\tat io.jdisco.examples.Join.tagSide"), late.err());
    }

    @Test
    void aKilledJobSaysItWasKilledByTheUser() throws Exception {
        try (LocalMaster master = LocalMaster.start()) {
            Path marker = tmp.resolve("stalled");
            ClassicJob job = ClassicJob.builder("Stalled").input("raw://SLOW").map(FaultJobs::slowWords)
                    .params(Params.of(FaultJobs.MARKER, marker.toString())).build();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
            Console console = new Console(new PrintStream(new ByteArrayOutputStream()), errStream, false, Map.of());
            CompletableFuture<Throwable> run = CompletableFuture.supplyAsync(() -> {
                try (MasterConnection connection = MasterConnection.remote(master.url(), console)) {
                    JobRun.results(job, connection, console);
                    return null;
                } catch (Exception e) {
                    return e;
                }
            });
            Await.until(() -> Files.exists(marker), Duration.ofSeconds(60), "the map reaches the SLOW line");
            String name = new Disco(master.url()).jobs().get(0).name();
            new Disco(master.url()).kill(name);
            Throwable failure = run.get(60, TimeUnit.SECONDS);
            assertTrue(failure instanceof JobException, String.valueOf(failure));
            assertTrue(failure.getMessage().endsWith("Status dead: Job killed by the user"), failure.getMessage());
        }
    }

    @Test
    void theCauseIsToldBeforeTheEmbeddedMasterDeletesItsLog() throws Exception {
        CliRun run = CliRun.of("grep", "--workers", "threads", "x", "file:///no/such/input.txt");
        assertEquals(Main.FAILED, run.status(), run.describe());
        assertTrue(run.err().contains("last events of task map:0:\n"), run.err());
        assertTrue(run.err().contains("/no/such/input.txt"), run.err());
        assertFalse(run.err().contains("no FATAL or ERROR event"), run.err());
    }
}
