package io.jdisco.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit statuses, usage errors and the commands that need no job, run in-process. */
class CommandLineTest {
    @TempDir
    Path tmp;

    @Test
    void noArgumentsPrintsTheCommandsAndExits2() {
        CliRun run = CliRun.of();
        assertEquals(Main.USAGE, run.status());
        for (String command : List.of("wordcount", "grep", "join", "sort", "cat", "master", "jobs", "events", "results",
                "counters", "kill", "purge")) {
            assertTrue(run.err().contains("\n  " + command + " "), command + " missing from:\n" + run.err());
        }
    }

    @Test
    void theWorkerModesAreOneListInTheUsagesAndTheReadme() throws Exception {
        String modes = "--workers processes|reused|threads";
        assertTrue(CliRun.of().err().contains("  master [--port P] [--data DIR] [--slots N] [--host NAME] [" + modes + "]"),
                CliRun.of().err());
        CliRun help = CliRun.of("master", "--help");
        assertEquals(0, help.status(), help.describe());
        assertTrue(help.err().contains(modes) && help.err().contains("reused: a jdisco job's worker processes"), help.err());
        String readme = Files.readString(Path.of(System.getProperty("jdisco.testdata")).getParent().resolve("README.md"));
        assertTrue(readme.contains("[--workers processes\\|reused\\|threads]"), "README's master row");
        assertFalse(readme.contains("processes\\|threads]"), "README lists another set of modes");
        assertTrue(readme.contains("as `url<TAB>line`, by URL, then by the line's position in its input"),
                "README's grep row says how grep orders its output");
    }

    @Test
    void masterBeyondLoopbackWithoutATokenExits2NamingTheOption() {
        CliRun run = CliRun.of("master", "--bind", "0.0.0.0");
        assertEquals(Main.USAGE, run.status());
        assertTrue(run.err().contains("beyond loopback, needs a token") && run.err().contains("--token FILE"),
                run.err());
        assertTrue(run.err().contains("--bind ADDR"), "the usage lists --bind:\n" + run.err());
    }

    @Test
    void unknownCommandExits2() {
        CliRun run = CliRun.of("wordcunt", "x");
        assertEquals(Main.USAGE, run.status());
        assertTrue(run.err().startsWith("jdisco: unknown command 'wordcunt'"), run.err());
    }

    @Test
    void unknownOptionExits2WithTheCommandsUsage() {
        CliRun run = CliRun.of("wordcount", "--sorted", "x");
        assertEquals(Main.USAGE, run.status());
        assertTrue(run.err().contains("unknown option '--sorted'"), run.err());
        assertTrue(run.err().contains("usage: wordcount [--master URL]"), run.err());
    }

    @Test
    void wordcountWithoutInputExits2() {
        CliRun run = CliRun.of("wordcount", "--sort");
        assertEquals(Main.USAGE, run.status());
        assertTrue(run.err().contains("jdisco wordcount: missing INPUT"), run.err());
    }

    @Test
    void partitionsMustBeAPositiveInteger() {
        CliRun run = CliRun.of("wordcount", "--partitions", "0", "x");
        assertEquals(Main.USAGE, run.status());
        assertTrue(run.err().contains("--partitions needs an integer >= 1, got '0'"), run.err());
    }

    @Test
    void missingInputFileExits2NamingIt() {
        CliRun run = CliRun.of("wordcount", tmp.resolve("nope.txt").toString());
        assertEquals(Main.USAGE, run.status());
        assertTrue(run.err().contains("input '" + tmp.resolve("nope.txt") + "' is not a readable file"), run.err());
    }

    @Test
    void badGrepPatternExits2() {
        CliRun run = CliRun.of("grep", "(unclosed", "raw://x");
        assertEquals(Main.USAGE, run.status());
        assertTrue(run.err().contains("bad PATTERN: Unclosed group"), run.err());
    }

    @Test
    void helpPrintsUsageAndExits0() {
        CliRun run = CliRun.of("cat", "--help");
        assertEquals(0, run.status());
        assertTrue(run.err().startsWith("usage: cat [--reader chain|netstr|lines|gzip-lines]"), run.err());
    }

    @Test
    void jobsWithoutAMasterExits2() {
        CliRun run = CliRun.of("jobs");
        assertEquals(Main.USAGE, run.status());
        assertTrue(run.err().contains("no master: give --master URL or set DISCO_MASTER"), run.err());
    }

    @Test
    void unreachableMasterExits1WithTheReason() {
        CliRun run = CliRun.with(java.util.Map.of("DISCO_MASTER", "http://127.0.0.1:1"), "jobs");
        assertEquals(Main.FAILED, run.status(), run.describe());
        assertTrue(run.err().startsWith("jdisco jobs: the master at http://127.0.0.1:1 is unreachable: "), run.err());
    }

    @Test
    void missingInputUrlFailsTheJobWithTheErrorsFirstLineNotAStackTrace() {
        CliRun run = CliRun.of("wordcount", "--workers", "threads", "file:///does/not/exist");
        assertEquals(Main.FAILED, run.status(), run.describe());
        assertTrue(run.err().contains("Unable to access resource (file:///does/not/exist)"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void jobCommandsAndTheMasterTakeATaskTimeout() {
        for (String command : List.of("wordcount", "grep", "join", "sort", "master")) {
            CliRun help = CliRun.of(command, "--help");
            assertEquals(0, help.status(), help.describe());
            assertTrue(help.err().contains("--task-timeout S"), help.err());
        }
        CliRun bad = CliRun.of("wordcount", "--task-timeout", "soon", "raw://a");
        assertEquals(Main.USAGE, bad.status(), bad.describe());
        assertTrue(bad.err().contains("--task-timeout needs a whole number of seconds (0: none), got 'soon'"), bad.err());
        CliRun none = CliRun.of("wordcount", "--workers", "threads", "--task-timeout", "0", "raw://a b a");
        assertEquals(0, none.status(), none.describe());
        assertEquals("a\t2\nb\t1\n", none.text());
    }

    @Test
    void catPrintsRecordsOfTheInternalFormatAsJsonLines() {
        Path vector = Path.of(System.getProperty("jdisco.testdata"), "vectors", "internal_py2_default.bin");
        CliRun run = CliRun.of("cat", vector.toString());
        assertEquals(0, run.status(), run.describe());
        List<String> lines = run.lines();
        assertEquals("[\"apple\",1]", lines.get(0));
        assertEquals("[\"key with spaces\",\"value\\nwith\\nnewlines\\tand tab\"]", lines.get(3));
        assertTrue(lines.contains("[{\"bytes_hex\":\"62696e00ff806b6579\"},{\"bytes_hex\":\"000102feff\"}]"),
                run.text());
    }

    @Test
    void catOfATextFileWithTheDefaultReaderSaysItIsNotTheInternalFormatAndSuggestsLines() throws Exception {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "just some text\n");
        CliRun run = CliRun.of("cat", file.toString());
        assertEquals(Main.FAILED, run.status(), run.describe());
        assertEquals("jdisco cat: file://" + file + " is not in Disco's internal format (what jobs write, the default"
                + " reader's); for text lines give --reader lines\n", run.err());
        Path gz = tmp.resolve("notes.txt.gz");
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            z.write("zipped\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        CliRun zipped = CliRun.of("cat", gz.toString());
        assertTrue(zipped.err().contains("it is gzip data: for its text lines give --reader gzip-lines"), zipped.err());
    }

    @Test
    void catOfARecordTooDeepForJsonNamesItsUrlAndIndexAndPrintsNothingOfIt() throws Exception {
        byte[] ok = hex("80 02 58 01000000 61 58 01000000 62 86 2e"); // ("a", "b")
        java.io.ByteArrayOutputStream deep = new java.io.ByteArrayOutputStream();
        deep.writeBytes(hex("80 02 58 01000000 6b 29")); // "k", ()
        deep.writeBytes(new byte[200_000]);
        byte[] pickle = deep.toByteArray();
        java.util.Arrays.fill(pickle, 9, pickle.length, (byte) 0x85); // TUPLE1 200,000 times: ((((),),),)...
        java.io.ByteArrayOutputStream payload = new java.io.ByteArrayOutputStream();
        payload.writeBytes(ok);
        payload.writeBytes(pickle);
        payload.writeBytes(hex("86 2e")); // the pair ("k", deep)
        payload.writeBytes(ok);
        Path file = tmp.resolve("deep.chain");
        try (java.io.OutputStream out = Files.newOutputStream(file)) {
            out.write(hunk(payload.toByteArray()));
            out.write(hunk(new byte[0]));
        }
        CliRun run = CliRun.of("cat", file.toString());
        assertEquals(Main.FAILED, run.status(), run.describe());
        assertEquals("[\"a\",\"b\"]\n", run.text());
        assertEquals("jdisco cat: record 1 (from 0) of file://" + file + " cannot be printed: it is nested deeper than "
                + JsonRecords.MAX_DEPTH + " levels of lists and tuples, more than JSON readers accept\n", run.err());
    }

    /** A hunk of Disco's internal format holding {@code payload} uncompressed. */
    private static byte[] hunk(byte[] payload) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(payload);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(14 + payload.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x81).put((byte) 0).putInt((int) crc.getValue()).putInt(payload.length).putInt(0).put(payload);
        return b.array();
    }

    private static byte[] hex(String spaced) {
        return java.util.HexFormat.of().parseHex(spaced.replace(" ", ""));
    }

    @Test
    void catWithTheLinesReaderPrintsEachLineAsAJsonString() throws Exception {
        Path file = tmp.resolve("lines.txt");
        Files.write(file, new byte[] {'o', 'n', 'e', '\n', '"', 'q', '"', '\n', (byte) 0xe9, '\n'});
        CliRun run = CliRun.of("cat", "--reader", "lines", file.toString());
        assertEquals(0, run.status(), run.describe());
        assertEquals(List.of("\"one\"", "\"\\\"q\\\"\"", "{\"bytes_hex\":\"e9\"}"), run.lines());
    }

    @Test
    void wordcountWithoutMasterRunsOnAnEmbeddedMasterAndKeepsNonUtf8BytesExact() throws Exception {
        byte[] text = {'c', 'a', 'f', (byte) 0xe9, ' ', (byte) 0xff, '\n', 'c', 'a', 'f', (byte) 0xe9, '\t', 'x', '\n'};
        Path file = tmp.resolve("latin1.txt");
        Files.write(file, text);
        CliRun run = CliRun.of("wordcount", file.toString());
        assertEquals(0, run.status(), run.describe());
        assertArrayEquals(new byte[] {'c', 'a', 'f', (byte) 0xe9, '\t', '2', '\n', 'x', '\t', '1', '\n', (byte) 0xff, '\t',
            '1', '\n'}, run.out(), run.text());
        assertTrue(run.err().contains("(embedded local master, workers on threads)"), run.err());
        assertTrue(run.err().contains("\ncounters: lines=2 words=4\n"), "the job's counters end its report: " + run.err());
    }

    @Test
    void wordcountGivesTheSameBytesWithWorkerProcessesAsWithThreads() throws Exception {
        Path file = tmp.resolve("both.txt");
        Files.writeString(file, "b a b\nc a b\n");
        CliRun threads = CliRun.of("wordcount", "--workers", "threads", "--partitions", "2", file.toString());
        CliRun processes = CliRun.with(Map.of("JDISCO_WORKERS", "processes"), "wordcount", "--partitions", "2",
                file.toString());
        assertEquals(0, threads.status(), threads.describe());
        assertEquals(0, processes.status(), processes.describe());
        assertEquals("a\t2\nb\t3\nc\t1\n", threads.text());
        assertArrayEquals(threads.out(), processes.out());
        assertTrue(threads.err().contains("workers on threads)"), threads.err());
        assertTrue(processes.err().contains("workers on processes)"), processes.err());
    }

    @Test
    void wordcountGivesTheSameBytesWithReusedWorkerProcessesAsWithThreads() throws Exception {
        Path file = tmp.resolve("reused.txt");
        Files.writeString(file, "b a b\nc a b\nd\n");
        CliRun threads = CliRun.of("wordcount", "--workers", "threads", "--partitions", "3", file.toString());
        CliRun reused = CliRun.of("wordcount", "--workers", "reused", "--partitions", "3", file.toString());
        assertEquals(0, threads.status(), threads.describe());
        assertEquals(0, reused.status(), reused.describe());
        assertArrayEquals(threads.out(), reused.out());
        assertTrue(reused.err().contains("workers on reused processes)"), reused.err());
    }

    @Test
    void aBadWorkersValueIsAUsageErrorNamingIt() {
        CliRun run = CliRun.of("wordcount", "--workers", "fibers", "raw://a");
        assertEquals(Main.USAGE, run.status(), run.describe());
        assertTrue(run.err().contains("--workers must be threads, reused, processes or auto, got 'fibers'"), run.err());
    }
}
