package io.jdisco.local.internal.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.LocalMasterConfig;
import io.jdisco.local.internal.ddfs.DdfsStore;
import io.jdisco.local.internal.jobs.JobRecord;
import io.jdisco.local.internal.jobs.JobRegistry;
import io.jdisco.local.internal.jobs.JobStore;
import io.jdisco.local.internal.jobs.MasterService;
import io.jdisco.local.internal.node.NodeContext;
import io.jdisco.local.internal.node.NodeLayout;
import io.jdisco.local.testing.TestPacks;
import io.jdisco.worker.DiscoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A submission on a full disk: refused, or the job dead, and no partial jobfile anywhere. */
class SubmitDiskFullTest {
    @TempDir
    Path root;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        threads.shutdownNow();
        timers.shutdownNow();
    }

    private MasterService service(AtomicFiles files) {
        NodeLayout layout = new NodeLayout(root, "localhost");
        NodeContext node = new NodeContext(LocalMasterConfig.builder().slots(1).build(), layout, "http://127.0.0.1:1", 1, 1,
                timers);
        return new MasterService(node, new JobRegistry(), new DdfsStore(layout), threads, new JobStore(layout, files));
    }

    private static byte[] pack() {
        return TestPacks.scriptPack(TestPacks.classic("Full", List.of("raw://a"), true, false, 1),
                TestPacks.shellWorker("sleep 60"));
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).toList();
        }
    }

    @Test
    void aSubmissionWhoseJobfileCannotBeWrittenIsRefusedAndLeavesNothing() throws IOException {
        MasterService service = service(new AtomicFiles(AtomicFilesTest.HALF_THEN_FULL));
        DiscoException e = assertThrows(DiscoException.class, () -> service.submit(pack()));
        assertTrue(e.getMessage().startsWith("cannot store the job in ") && e.getMessage().endsWith("No space left on device"),
                e.getMessage());
        assertEquals(List.of(), files());
        assertEquals(List.of(), service.registry().newestFirst());
        try (Stream<Path> s = Files.list(root.resolve("data/_master"))) {
            assertTrue(s.allMatch(hh -> hh.toFile().list().length == 0), "no job directory stays");
        }
    }

    @Test
    void aJobWhoseJobHomeJobfileCannotBeWrittenDiesWithoutAPartialJobfile() throws Exception {
        Path masterRoot = new NodeLayout(root, "localhost").masterRoot();
        AtomicFiles failsInJobHomes = new AtomicFiles((target, out, bytes) -> {
            if (!target.startsWith(masterRoot)) {
                AtomicFilesTest.HALF_THEN_FULL.write(target, out, bytes);
            }
            AtomicFiles.DIRECT.write(target, out, bytes);
        });
        MasterService service = service(failsInJobHomes);
        String name = service.submit(pack());
        JobRecord job = service.registry().get(name).orElseThrow();
        service.registry().awaitChange(List.of(name), 20_000);
        assertEquals(JobRecord.Status.DEAD, job.status());
        List<String> events = job.events().records().stream().map(r -> r.get(2)).toList();
        assertTrue(events.contains("ERROR: Jobpack extraction failed: No space left on device"), events.toString());
        Path home = job.jobHome();
        assertFalse(Files.exists(home.resolve("jobfile")));
        try (Stream<Path> s = Files.list(home)) {
            assertEquals(List.of(), s.toList(), "no temporary jobfile stays");
        }
        assertTrue(Files.exists(job.masterDir().resolve("jobfile")));
        assertEquals("dead", new String(Files.readAllBytes(job.masterDir().resolve(JobStore.RECORD)))
                .replaceAll(".*\"status\":\"([a-z]+)\".*", "$1"), "the record says dead");
    }
}
