package io.jdisco.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.testing.Await;
import io.jdisco.local.testing.TestPacks;
import io.jdisco.worker.DiscoNames;
import io.jdisco.worker.core.client.Disco;
import io.jdisco.worker.core.client.JobEvent;
import io.jdisco.worker.core.client.JobInfo;
import io.jdisco.worker.core.client.JobListing;
import io.jdisco.worker.core.client.JobStatus;
import io.jdisco.worker.core.jobpack.JobPack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code jdisco master} process killed with SIGKILL and started again on the same data root:
 * the second process knows the first one's jobs, the finished one as it was and the running one
 * dead, and purges them.
 */
class RestartTest {
    private static final Pattern URL = Pattern.compile("jdisco local master at (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path tmp;

    private final List<Process> masters = new ArrayList<>();
    private final List<Long> orphans = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : masters) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        for (long pid : orphans) {
            ProcessHandle.of(pid).ifPresent(h -> {
                h.descendants().forEach(ProcessHandle::destroyForcibly);
                h.destroyForcibly();
            });
        }
    }

    /** Starts {@code jdisco master --data <data>} as a child JVM; returns its URL. */
    private String startMaster(Path data, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), LocalMasterMain.class.getName(), "--data", data.toString(),
                "--slots", "2");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        masters.add(p);
        Await.until(() -> {
            if (!p.isAlive() && !URL.matcher(Files.readString(log)).find()) {
                throw new AssertionError("the master exited: " + Files.readString(log));
            }
            return Files.exists(log) && URL.matcher(Files.readString(log)).find();
        }, Duration.ofSeconds(30), "the master prints its URL in " + log);
        Matcher m = URL.matcher(Files.readString(log));
        assertTrue(m.find());
        return m.group(1);
    }

    private static List<String> events(Disco disco, String job) throws Exception {
        List<String> out = new ArrayList<>();
        for (JobEvent e : disco.events(job, 0).events()) {
            out.add(e.message());
        }
        return out;
    }

    private static byte[] parameters(String url, String job) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url + "/disco/ctrl/parameters?name=" + job)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        return r.body();
    }

    @Test
    void aRestartedMasterKnowsTheJobsOfTheKilledOneAndPurgesThem() throws Exception {
        Path data = tmp.resolve("data");
        Disco first = new Disco(startMaster(data, tmp.resolve("first.log")));
        byte[] donePack = TestPacks.wordPack(JobPack.VERSION1, TestPacks.classic("Finished", List.of("raw://a,b"), true,
                false, 1), Map.of());
        String done = first.submit(donePack);
        List<List<String>> results = first.waitFor(done, Duration.ofMillis(100), Duration.ofSeconds(60));
        String uid = "map:0-localhost-0-1f2e-1";
        String taskDir = DiscoNames.hexhash(uid) + "/" + uid;
        String hanging = first.submit(TestPacks.scriptPack(TestPacks.classic("Hanging", List.of("raw://a"), true, false,
                1), TestPacks.shellWorker("mkdir -p '" + taskDir + "'; echo half > '" + taskDir + "/out.partial'\n"
                        + "echo $$ > worker.pid.tmp; mv worker.pid.tmp worker.pid; sleep 60 & wait")));
        Path hangingHome = data.resolve("data/localhost").resolve(DiscoNames.hexhash(hanging)).resolve(hanging);
        Path pid = hangingHome.resolve("worker.pid");
        DurabilityTest.awaitTrue(() -> Files.exists(pid), "the worker of " + hanging + " runs");
        orphans.add(Long.parseLong(Files.readString(pid).trim()));
        assertTrue(Files.exists(hangingHome.resolve(taskDir).resolve("out.partial")));

        Process p = masters.get(0);
        p.destroyForcibly();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the first master is killed");

        String url = startMaster(data, tmp.resolve("second.log"));
        Disco second = new Disco(url);
        List<JobListing> jobs = second.jobs();
        assertEquals(List.of(hanging, done), jobs.stream().map(JobListing::name).toList(), "newest first");
        assertEquals(List.of(JobStatus.DEAD, JobStatus.READY), jobs.stream().map(JobListing::status).toList());

        assertEquals(results, second.results(done, 0).results());
        JobInfo info = second.jobInfo(done);
        assertEquals(JobStatus.READY, info.status());
        assertEquals("bin/worker", info.worker());
        assertEquals("tester@localhost", info.owner());
        assertEquals(List.of("raw://a,b"), info.inputs());
        assertEquals(1, info.pipeline().get(0).done());
        assertEquals(results, second.stageResults(done, "map_shuffle"));
        assertTrue(events(second, done).stream().anyMatch(e -> e.startsWith("READY: Job finished in ")));
        assertArrayEquals(donePack, parameters(url, done));

        assertEquals(JobStatus.DEAD, second.results(hanging, 0).status());
        assertEquals("Job dead: the master stopped while it was active",
                events(second, hanging).get(events(second, hanging).size() - 1));
        assertFalse(Files.exists(hangingHome.resolve(taskDir).resolve("out.partial")), "the partial file is deleted");

        Path doneHome = data.resolve("data/localhost").resolve(DiscoNames.hexhash(done)).resolve(done);
        assertTrue(Files.isDirectory(doneHome));
        second.purge(done);
        second.purge(hanging);
        assertEquals(List.of(), second.jobs());
        for (String job : List.of(done, hanging)) {
            assertFalse(Files.exists(data.resolve("data/localhost").resolve(DiscoNames.hexhash(job)).resolve(job)), job);
            assertFalse(Files.exists(data.resolve("data/_master").resolve(DiscoNames.hexhash(job)).resolve(job)), job);
        }
    }
}
