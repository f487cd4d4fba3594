package io.jdisco.local.internal.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event log: whole records only, a torn tail skipped by readers and cut by the next append. */
class EventLogTest {
    private static final String TORN = "[\"2026/12/07 10:00:00\",\"localhost\",\"MSG: [map:0] half a rec";

    @TempDir
    Path dir;

    @Test
    void appendsOneLinePerRecordAndReadsThemBack() throws IOException {
        EventLog log = new EventLog(dir.resolve("job/events"));
        log.master("New job initialized!");
        log.task("localhost", "MSG", "map", 3, "say \"hi\"\nthere");
        List<String> lines = Files.readAllLines(log.file(), StandardCharsets.UTF_8);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("\\[\"\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d\",\"master\",\"New job initialized!\"]"),
                lines.get(0));
        List<List<String>> records = log.records();
        assertEquals("MSG: [map:3] say \"hi\"\nthere", records.get(1).get(2));
        assertEquals(Files.size(log.file()), log.wholeLength());
    }

    @Test
    void readersSkipATornTailAndTheNextAppendCutsIt() throws IOException {
        EventLog log = new EventLog(dir.resolve("events"));
        log.master("one");
        long whole = Files.size(log.file());
        Files.write(log.file(), TORN.getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        assertEquals(whole, log.wholeLength());
        assertEquals(1, log.records().size());
        log.master("two");
        List<List<String>> records = log.records();
        assertEquals(List.of("one", "two"), List.of(records.get(0).get(2), records.get(1).get(2)));
        assertEquals(2, Files.readAllLines(log.file()).size(), "the torn bytes are gone");
    }

    @Test
    void aDamagedWholeLineIsSkipped() throws IOException {
        EventLog log = new EventLog(dir.resolve("events"));
        log.master("one");
        Files.write(log.file(), "not json\n[1,2]\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        log.master("two");
        assertEquals(2, log.records().size());
    }

    @Test
    void aWriteThatFailsLikeAFullDiskLeavesNoPartOfTheRecord() throws IOException {
        AtomicBoolean full = new AtomicBoolean();
        EventLog log = new EventLog(dir.resolve("events"), (file, record) -> {
            if (full.get()) {
                file.write(record, 0, record.length / 2);
                throw new IOException("No space left on device");
            }
            EventLog.DIRECT.write(file, record);
        });
        log.master("before");
        byte[] before = Files.readAllBytes(log.file());
        full.set(true);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> log.master("lost"));
        assertTrue(e.getMessage().contains("No space left on device") && e.getMessage().contains(log.file().toString()),
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(log.file()), "truncated back to the last whole record");
        full.set(false);
        log.master("after");
        assertEquals(List.of("before", "after"), log.records().stream().map(r -> r.get(2)).toList());
    }

    @Test
    void aClosedLogDropsEventsAndAMissingLogReadsEmpty() throws IOException {
        EventLog log = new EventLog(dir.resolve("events"));
        log.close();
        log.master("dropped");
        assertEquals(0, Files.size(log.file()));
        Files.delete(log.file());
        assertEquals(List.of(), log.records());
        assertEquals(0, log.wholeLength());
    }

    @Test
    void anInterruptedThreadStillLogs() throws IOException {
        EventLog log = new EventLog(dir.resolve("events"));
        Thread.currentThread().interrupt();
        try {
            log.master("Job dead after 0:00:01.000: killed");
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept");
        } finally {
            Thread.interrupted();
        }
        assertEquals(1, log.records().size());
    }

    @Test
    void aLongTornTailIsFoundAcrossReadChunks() throws IOException {
        EventLog log = new EventLog(dir.resolve("events"));
        log.master("one");
        long whole = Files.size(log.file());
        Files.write(log.file(), "x".repeat(10_000).getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        assertEquals(whole, log.wholeLength());
        log.master("two");
        assertEquals(2, log.records().size());
    }

    @Test
    void aRunningJobsLogKeepsOneFileOpenAndAReleasedOneNone() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc/self/fd (Linux)");
        EventLog log = new EventLog(dir.resolve("events"));
        log.master("one");
        log.master("two");
        assertEquals(1, descriptorsOf(log.file()), "kept open while the job runs");
        log.release();
        assertEquals(0, descriptorsOf(log.file()), "released when the job ends");
        log.master("three");
        assertEquals(0, descriptorsOf(log.file()), "a later event closes what it opened");
        assertEquals(List.of("one", "two", "three"), log.records().stream().map(r -> r.get(2)).toList());
    }

    @Test
    void aRecordWrittenBesideAnOpenLogIsNotOverwritten() throws IOException {
        EventLog log = new EventLog(dir.resolve("events"));
        log.master("one");
        EventLog other = new EventLog(log.file());
        other.master("two");
        log.master("three");
        assertEquals(List.of("one", "two", "three"), log.records().stream().map(r -> r.get(2)).toList());
    }

    /** How many of this JVM's descriptors name {@code file}. */
    private static long descriptorsOf(Path file) throws IOException {
        Path real = file.toRealPath();
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(real);
                } catch (IOException e) {
                    return false; // closed while listed (the listing's own descriptor)
                }
            }).count();
        }
    }
}
