package io.jdisco.cli.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.cli.CliRun;
import io.jdisco.cli.Console;
import io.jdisco.cli.FaultJobs;
import io.jdisco.cli.Main;
import io.jdisco.cli.jobs.Progress;
import io.jdisco.examples.Grep;
import io.jdisco.examples.WordCount;
import io.jdisco.local.LocalMaster;
import io.jdisco.local.testing.Await;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.JobException;
import io.jdisco.worker.Params;
import io.jdisco.worker.classic.ClassicJob;
import io.jdisco.worker.classic.typed.InputFormat;
import io.jdisco.worker.classic.typed.MapReduceJob;
import io.jdisco.worker.classic.typed.MapReduceRun;
import io.jdisco.worker.core.client.Disco;
import io.jdisco.worker.core.client.RunningJob;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jobs, events, results (read back with cat) and purge against a local master named by DISCO_MASTER. */
class JobCommandsTest {
    private static LocalMaster master;
    private static Map<String, String> env;
    private static String job;

    @BeforeAll
    static void start() throws Exception {
        master = LocalMaster.start();
        env = Map.of("DISCO_MASTER", master.url());
        MapReduceRun<Bytes, Long> running = WordCount.job(List.of("raw://one", "raw://two"), 2, true, true)
                .run(new Disco(master.url()));
        running.waitFor();
        job = running.name();
    }

    @AfterAll
    static void stop() {
        master.close();
    }

    @Test
    void jobsListsTheJobAsReady() {
        CliRun run = CliRun.with(env, "jobs");
        assertEquals(0, run.status(), run.describe());
        assertTrue(run.lines().stream().anyMatch(l -> l.endsWith("\tready\t" + job)), run.text());
    }

    @Test
    void countersPrintsEachTotalSortedByName() throws Exception {
        MapReduceJob<String, Long> counting = MapReduceJob.named("Counting")
                .input("raw://one two", "raw://three")
                .map(InputFormat.lines(), String.class, Long.class, (line, out, context) -> {
                    context.count("lines");
                    context.count("chars", line.length());
                    out.collect(line, 1L);
                })
                .build();
        MapReduceRun<String, Long> run = counting.run(new Disco(master.url()));
        run.waitFor();
        CliRun counters = CliRun.with(env, "counters", run.name());
        assertEquals(0, counters.status(), counters.describe());
        assertEquals(List.of("chars\t12", "lines\t2"), counters.lines());
    }

    @Test
    void theWordCountCountsItsLinesAndWords() {
        CliRun counters = CliRun.with(env, "counters", job);
        assertEquals(0, counters.status(), counters.describe());
        assertEquals(List.of("lines\t2", "words\t2"), counters.lines());
    }

    @Test
    void eventsEndWithTheJobsReadyEvent() {
        CliRun run = CliRun.with(env, "events", job);
        assertEquals(0, run.status(), run.describe());
        List<String> lines = run.lines();
        assertTrue(lines.get(lines.size() - 1).matches("\\S+\tmaster\tREADY: Job finished in .*"), run.text());
    }

    @Test
    void resultsPrintsOneDirUrlPerPartitionThatCatReads() {
        CliRun results = CliRun.of("results", "--master", master.url(), job);
        assertEquals(0, results.status(), results.describe());
        List<String> urls = results.lines();
        assertEquals(2, urls.size(), results.text());
        assertTrue(urls.stream().allMatch(u -> u.startsWith("dir://localhost/disco/")), results.text());
        String[] catArgs = new String[urls.size() + 1];
        catArgs[0] = "cat";
        for (int i = 0; i < urls.size(); i++) {
            catArgs[i + 1] = urls.get(i);
        }
        CliRun cat = CliRun.with(env, catArgs);
        assertEquals(0, cat.status(), cat.describe());
        assertEquals(List.of("[\"one\",1]", "[\"two\",1]"), cat.lines().stream().sorted().toList());
    }

    @Test
    void progressOnATerminalRedrawsOneLineInPlace() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        Console terminal = new Console(System.out, errStream, true, Map.of());
        Progress progress = Progress.start(new Disco(master.url()), job, terminal);
        Await.until(() -> err.toString(StandardCharsets.UTF_8).startsWith("\rmap 2/2"), Duration.ofSeconds(30),
                "a poll draws the job's counts");
        progress.finish("done");
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\rmap 2/2  map_shuffle 1/1  reduce 2/2  "), text);
        assertEquals(2, text.chars().filter(c -> c == '\n').count(), "only the final counts and the outcome end a line: " + text);
        assertTrue(text.contains("\rmap 2/2  map_shuffle 1/1  reduce 2/2  " ), text);
        assertTrue(text.matches("(?s).*\r" + Pattern.quote(job) + " done in \\d+\\.\\d s *\n"), text);
    }

    @Test
    void everyCommandAboutAnUnknownJobExits1NamingTheJobAndTheMaster() {
        for (String command : List.of("results", "kill", "purge", "events", "counters")) {
            CliRun run = CliRun.with(env, command, "NoSuch");
            assertEquals(Main.FAILED, run.status(), command + ": " + run.describe());
            assertEquals("jdisco " + command + ": no job named NoSuch on " + master.url() + "\n", run.err(), command);
            assertEquals(0, run.out().length, command);
        }
    }

    @Test
    void killStopsARunningJob(@TempDir Path tmp) throws Exception {
        Path marker = tmp.resolve("stalled");
        RunningJob slow = ClassicJob.builder("Stalled").input("raw://SLOW").map(FaultJobs::slowWords)
                .params(Params.of(FaultJobs.MARKER, marker.toString())).build().run(new Disco(master.url()));
        Await.until(() -> Files.exists(marker), Duration.ofSeconds(60), "the map reaches the SLOW line");
        CliRun kill = CliRun.with(env, "kill", slow.name());
        assertEquals(0, kill.status(), kill.describe());
        assertThrows(JobException.class, slow::waitFor);
        assertTrue(CliRun.with(env, "jobs").text().contains("\tdead\t" + slow.name()), "the killed job is dead");
    }

    @Test
    void purgeRemovesAJobFromTheList() throws Exception {
        RunningJob other = Grep.job("x", List.of("raw://x")).run(new Disco(master.url())).job();
        other.waitFor();
        CliRun purge = CliRun.with(env, "purge", other.name());
        assertEquals(0, purge.status(), purge.describe());
        CliRun jobs = CliRun.with(env, "jobs");
        assertFalse(jobs.text().contains(other.name()), jobs.text());
        assertTrue(jobs.text().contains(job), jobs.text());
    }
}
