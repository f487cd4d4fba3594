package io.jdisco.local.internal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.internal.files.EventLog;
import io.jdisco.local.internal.node.NodeLayout;
import io.jdisco.worker.DiscoNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Job records saved and restored: finished jobs as they were, active ones dead, lost ones dead. */
class JobStoreTest {
    @TempDir
    Path root;

    private NodeLayout layout() {
        return new NodeLayout(root, "localhost");
    }

    private JobRecord record(JobStore store, String name, JobState state) throws IOException {
        NodeLayout layout = layout();
        Path dir = layout.masterJobDir(name);
        JobSummary summary = new JobSummary(name, Instant.ofEpochMilli(1_764_288_062_000L + name.length()),
                "bin/worker", "me@box", List.of("raw://a", "tag://t"));
        JobRecord job = new JobRecord(summary, state, layout.jobHome(name), dir, new EventLog(dir.resolve("events")), store,
                () -> { });
        job.events().master("New job initialized!");
        job.save();
        return job;
    }

    private static JobState state(JobRecord.Status status, List<List<String>> results) {
        return new JobState(status, status == JobRecord.Status.ACTIVE ? null : Instant.ofEpochMilli(1_764_288_063_020L),
                results, Map.of("map", List.of(List.of("dir://localhost/disco/x"))),
                List.of(new JobState.StageCounts("map", 2, 2, 1), new JobState.StageCounts("reduce", 0, 0, 0)));
    }

    @Test
    void aFinishedJobIsRestoredAsItWas() throws IOException {
        JobStore store = new JobStore(layout());
        JobRecord saved = record(store, "Done@1:2:3", state(JobRecord.Status.READY, List.of(List.of("disco://a", "disco://b"))));
        List<JobRecord> restored = new JobStore(layout()).restore(() -> { });
        assertEquals(1, restored.size());
        JobRecord job = restored.get(0);
        assertEquals(saved.summary(), job.summary());
        assertEquals(saved.state(), job.state());
        assertEquals(saved.jobHome(), job.jobHome());
        assertEquals(List.of(List.of("dir://localhost/disco/x")), job.stageResults("map"));
        assertEquals(List.of(List.of("map", 0, 0, 0, 2, 1), List.of("reduce", 0, 0, 0, 0, 0)), job.progress());
        assertEquals(1, job.events().records().size(), "no event added");
    }

    @Test
    void anActiveJobIsRestoredDeadWithAnEventAndItsPartialFilesDeleted() throws IOException {
        JobStore store = new JobStore(layout());
        JobRecord saved = record(store, "Running@1:2:3", state(JobRecord.Status.ACTIVE, List.of()));
        String uid = "map:0-localhost-0-1f2e-4242";
        Path partial = saved.jobHome().resolve(DiscoNames.hexhash(uid)).resolve(uid).resolve("out.partial");
        Files.createDirectories(partial.getParent());
        Files.writeString(partial, "half");
        JobRecord job = new JobStore(layout()).restore(() -> { }).get(0);
        assertEquals(JobRecord.Status.DEAD, job.status());
        assertTrue(job.state().ended() != null);
        List<List<String>> events = job.events().records();
        assertEquals(List.of("master", "Job dead: the master stopped while it was active"), events.get(1).subList(1, 3));
        assertFalse(Files.exists(partial));
        assertEquals(JobRecord.Status.DEAD, new JobStore(layout()).restore(() -> { }).get(0).status(), "saved dead");
        assertEquals(2, new JobStore(layout()).restore(() -> { }).get(0).events().records().size(),
                "the event is added once");
    }

    @Test
    void directoriesWithoutAReadableRecordAreRestoredDeadAndOthersAreLeftAlone() throws IOException {
        NodeLayout layout = layout();
        Path noRecord = layout.masterJobDir("Old@1:2:3");
        Files.createDirectories(noRecord);
        Files.write(noRecord.resolve("jobfile"), new byte[10]);
        Path bad = layout.masterJobDir("Bad@1:2:3");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve(JobStore.RECORD), "{\"name\": \"Bad@1:2:3\", \"status\":");
        Files.writeString(bad.resolve(".job.json.tmp-3"), "{");
        Path stranger = layout.masterRoot().resolve("zz").resolve("NotAJob");
        Files.createDirectories(stranger);
        List<JobRecord> restored = new JobStore(layout).restore(() -> { });
        assertEquals(2, restored.size(), restored.toString());
        for (JobRecord job : restored) {
            assertEquals(JobRecord.Status.DEAD, job.status());
            assertEquals(layout.jobHome(job.name()), job.jobHome());
            assertTrue(job.events().records().get(0).get(2).startsWith("Job dead: restored without its record ("),
                    job.events().records().toString());
        }
        assertTrue(Files.exists(bad.resolve("job.json.unreadable")));
        assertFalse(Files.exists(bad.resolve(".job.json.tmp-3")), "a crash's temporary file is deleted");
        assertTrue(Files.exists(stranger));
        assertEquals(2, new JobStore(layout).restore(() -> { }).size());
    }

    @Test
    void aRecordNamesItsOwnDirectoryAndAPlainHost() throws IOException {
        JobStore store = new JobStore(layout());
        JobRecord saved = record(store, "Moved@1:2:3", state(JobRecord.Status.READY, List.of()));
        Path file = saved.masterDir().resolve(JobStore.RECORD);
        String json = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, json.replace("\"host\":\"localhost\"", "\"host\":\"..\""));
        JobRecord job = new JobStore(layout()).restore(() -> { }).get(0);
        assertEquals(List.of(), job.inputs(), "restored without its record");
        assertNull(job.stageResults("map"));
    }
}
