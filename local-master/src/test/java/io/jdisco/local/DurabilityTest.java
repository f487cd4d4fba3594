package io.jdisco.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.LocalMasterConfig.WorkerMode;
import io.jdisco.local.testing.Await;
import io.jdisco.local.testing.Fixture;
import io.jdisco.local.testing.TestPacks;
import io.jdisco.worker.DiscoNames;
import io.jdisco.worker.JobException;
import io.jdisco.worker.core.client.JobStatus;
import io.jdisco.worker.core.jobpack.JobPack;
import io.jdisco.worker.core.json.PythonJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over HTTP: an event log with a torn tail still answers; a killed job leaves no partial files; a
 * master closed and started again on its data root knows its jobs, but not a cleaned one.
 */
class DurabilityTest {
    private static final String TORN = "[\"2026/12/07 10:00:00\",\"localhost\",\"MSG: [map:0] torn";
    private static Fixture f;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        f = new Fixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(f.master.url() + path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Path masterDir(String job) {
        return f.master.discoData().resolve("_master").resolve(DiscoNames.hexhash(job)).resolve(job);
    }

    private static Path home(String job) {
        return f.master.discoData().resolve("localhost").resolve(DiscoNames.hexhash(job)).resolve(job);
    }

    @Test
    void anEventLogWithATornTailIsReadUpToItsLastWholeRecord() throws Exception {
        String job = f.disco.submit(TestPacks.scriptPack(TestPacks.classic("Torn", List.of("raw://a"), false, false, 1),
                "#!/bin/sh\n"));
        f.await(job);
        awaitTrue(() -> f.events(job).stream().anyMatch(e -> e.startsWith("READY: ")), "the job's last event is logged");
        Path events = masterDir(job).resolve("events");
        long whole = Files.size(events);
        Files.write(events, TORN.getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        HttpResponse<String> r = get("/disco/ctrl/jobevents?name=" + job + "&num=100");
        assertEquals(200, r.statusCode(), r.body());
        List<?> list = (List<?>) PythonJson.parse(r.body().getBytes(StandardCharsets.UTF_8));
        assertEquals("New job initialized!", ((List<?>) list.get(list.size() - 1)).get(2));
        assertFalse(r.body().contains("torn"), r.body());
        HttpResponse<String> raw = get("/disco/ctrl/rawevents?name=" + job);
        assertEquals(200, raw.statusCode());
        assertEquals(whole, raw.body().getBytes(StandardCharsets.UTF_8).length, "whole records only");
        assertEquals(list.size(), f.events(job).size());
        f.disco.kill(job);
        assertEquals(list.size(), f.events(job).size(), "killing a finished job logs nothing");
    }

    @Test
    void aKilledWorkersPartialFilesAreDeletedWhenItsJobIsKilled() throws Exception {
        String job = f.disco.submit(TestPacks.wordPack(JobPack.VERSION1,
                TestPacks.classic("PartialKill", List.of("raw://a,b"), true, false, 1), Map.of("hang", true)));
        Path pidFile = home(job).resolve("hang-pid");
        awaitTrue(() -> Files.exists(pidFile), "the worker hangs");
        assertEquals(1, partials(home(job)), "the hanging worker's open output");
        f.disco.kill(job);
        assertThrows(JobException.class, () -> f.await(job));
        awaitTrue(() -> partials(home(job)) == 0, "the partial files of " + job + " are deleted");
    }

    @Test
    void aClosedMastersJobsAreKnownAfterARestartExceptACleanedOne(@TempDir Path root) throws Exception {
        LocalMasterConfig config = Fixture.config().dataRoot(root).workers(WorkerMode.THREADS).build();
        String cleaned;
        String running;
        Path cleanedHome;
        try (Fixture a = new Fixture(config)) {
            cleaned = a.disco.submit(TestPacks.wordPack(JobPack.VERSION1,
                    TestPacks.classic("Cleaned", List.of("raw://a"), true, false, 1), Map.of()));
            a.await(cleaned);
            running = a.disco.submit(TestPacks.wordPack(JobPack.VERSION1,
                    TestPacks.classic("Running", List.of("raw://a"), true, false, 1), Map.of("hang", true)));
            cleanedHome = a.master.discoData().resolve("localhost").resolve(DiscoNames.hexhash(cleaned)).resolve(cleaned);
            Path runningHome = a.master.discoData().resolve("localhost").resolve(DiscoNames.hexhash(running))
                    .resolve(running);
            awaitTrue(() -> Files.exists(runningHome.resolve("hang-pid")), "the job " + running + " runs");
            a.disco.clean(cleaned);
            assertFalse(Files.exists(a.master.discoData().resolve("_master").resolve(DiscoNames.hexhash(cleaned))
                    .resolve(cleaned)), "the master directory of a cleaned job is deleted");
        }
        try (Fixture b = new Fixture(config)) {
            assertEquals(List.of(running), b.disco.jobs().stream().map(j -> j.name()).toList());
            assertEquals(JobStatus.DEAD, b.disco.results(running, 0).status());
            List<String> events = b.events(running);
            assertTrue(events.stream().anyMatch(e -> e.startsWith("Job dead after ") && e.endsWith(
                    ": the local master is closing")), events.toString());
            assertFalse(events.stream().anyMatch(e -> e.contains("the master stopped")), events.toString());
            assertTrue(Files.isDirectory(cleanedHome), "a cleaned job's data stays");
            String next = b.disco.submit(TestPacks.scriptPack(TestPacks.classic("Running", List.of("raw://a"), false,
                    false, 1), "#!/bin/sh\n"));
            assertEquals(List.of(List.of("raw://a")), b.await(next));
            assertEquals(List.of(next, running), b.disco.jobs().stream().map(j -> j.name()).toList());
        }
    }

    /** The {@code .partial} files under {@code dir}. */
    static long partials(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".partial")).count();
        }
    }

    /** A condition checked until it holds, for at most 20 s. */
    static void awaitTrue(Await.Condition check, String what) throws Exception {
        Await.until(check, Duration.ofSeconds(20), what);
    }
}
