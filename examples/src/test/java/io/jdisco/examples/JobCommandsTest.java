package io.jdisco.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.LocalMaster;
import io.jdisco.worker.core.client.Disco;
import io.jdisco.worker.core.client.RunningJob;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** jobs, events, results (read back with cat) and purge against a local master named by DISCO_MASTER. */
class JobCommandsTest {
    private static LocalMaster master;
    private static Map<String, String> env;
    private static String job;

    @BeforeAll
    static void start() throws Exception {
        master = LocalMaster.start();
        env = Map.of("DISCO_MASTER", master.url());
        RunningJob running = WordCount.job(List.of("raw://one", "raw://two"), 2, true, true).run(new Disco(master.url()));
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
    void resultsOfAnUnknownJobExits1() {
        CliRun run = CliRun.with(env, "results", "NoSuchJob@1:2:3");
        assertEquals(Main.FAILED, run.status(), run.describe());
        assertTrue(run.err().contains("job NoSuchJob@1:2:3 is unknown job"), run.err());
    }

    @Test
    void purgeRemovesAJobFromTheList() throws Exception {
        RunningJob other = Grep.job("x", List.of("raw://x")).run(new Disco(master.url()));
        other.waitFor();
        CliRun purge = CliRun.with(env, "purge", other.name());
        assertEquals(0, purge.status(), purge.describe());
        CliRun jobs = CliRun.with(env, "jobs");
        assertFalse(jobs.text().contains(other.name()), jobs.text());
        assertTrue(jobs.text().contains(job), jobs.text());
    }
}
