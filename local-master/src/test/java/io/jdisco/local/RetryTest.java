package io.jdisco.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.testing.Await;
import io.jdisco.local.testing.Fixture;
import io.jdisco.local.testing.TestPacks;
import io.jdisco.worker.core.jobpack.JobPack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Failed attempts are re-run and leave no trace in the results. */
class RetryTest {
    private static Fixture f;

    @BeforeAll
    static void start() {
        f = new Fixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void taskThatErrorsOnceIsRerunAndItsFirstOutputIsNowhere() throws Exception {
        String job = f.disco.submit(TestPacks.wordPack(JobPack.VERSION1,
                TestPacks.classic("ErrorOnce", List.of("raw://a,b", "raw://b"), true, false, 1), Map.of("errorOnce", true)));
        List<List<String>> results = f.await(job);
        assertEquals(Map.of("a", 1L, "b", 2L), f.counts(results));
        List<String> events = f.events(job);
        assertTrue(events.stream().anyMatch(e -> e.startsWith("ERROR: [map:0] java.io.IOException: deliberate failure")),
                events.toString());
        assertTrue(events.contains("SYS: [map:0] Task started (attempt 2)"), events.toString());
        for (List<String> stage : f.disco.stageResults(job, "map")) {
            for (String line : f.indexLines(stage.get(0))) {
                assertFalse(Files.readString(f.local(line.split(" ")[1])).contains("bogus"), line);
            }
        }
        assertEquals(3, f.disco.jobInfo(job).pipeline().stream().mapToLong(p -> p.failed()).sum(),
                "one failed attempt per task (map 0, map 1, map_shuffle 2)");
    }

    @Test
    void workerKilledWithSigkillMidMapIsRerunAndResultsAreExact() throws Exception {
        String job = f.disco.submit(TestPacks.wordPack(JobPack.VERSION1,
                TestPacks.classic("KillNine", List.of("raw://a,b|c,d|e", "raw://a"), true, true, 1), Map.of("hang", true)));
        Path home = f.master.discoData().resolve("localhost").resolve(io.jdisco.worker.DiscoNames.hexhash(job)).resolve(job);
        Path pidFile = home.resolve("hang-pid");
        Await.until(() -> Files.exists(pidFile), Duration.ofSeconds(30), "the hanging worker's pid in " + pidFile);
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle worker = ProcessHandle.of(pid).orElseThrow();
        assertTrue(worker.destroyForcibly(), "SIGKILL sent to " + pid);
        List<List<String>> results = f.await(job);
        assertEquals(Map.of("a", 2L, "b", 1L, "c", 1L, "d", 1L, "e", 1L), f.counts(results));
        List<String> events = f.events(job);
        assertTrue(events.stream().anyMatch(e -> e.startsWith("ERROR: [map:0] Worker crashed! (exit code: ")),
                events.toString());
        try (Stream<Path> files = Files.walk(home)) {
            long partials = files.filter(p -> p.toString().endsWith(".partial")).count();
            assertEquals(0, partials, "the killed attempt's unfinished file is deleted before the re-run");
        }
    }
}
