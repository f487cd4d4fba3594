package io.jdisco.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.DataException;
import io.jdisco.worker.Params;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.classic.ClassicFunctions;
import io.jdisco.worker.classic.ClassicJob;
import io.jdisco.worker.core.WorkerSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How failures of job functions reach the master: ERROR (retry) or FATAL (job dies). */
class FailureTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    /** A map that throws for the line "bad": a DataException or a plain bug. */
    static ClassicJob failingMap(boolean data) {
        return ClassicJob.builder("fail").map((Bytes line, Params p) -> {
            if (line.utf8String().startsWith("bad")) {
                if (data) {
                    throw new DataException("record cannot be parsed", "line bad");
                }
                throw new IllegalStateException("user bug on line bad");
            }
            return List.of(Tuple.pair(line, 1L));
        }).build();
    }

    private Transcript runMap(ClassicJob job, String text) throws Exception {
        Path input = dir.resolve("in.txt");
        Files.write(input, text.getBytes(StandardCharsets.UTF_8));
        return TaskHarness.of(job.worker(), dir.resolve("home")).input(MasterInput.of(input.toString())).run(WAIT);
    }

    @Test
    void dataExceptionFromTheMapIsAnErrorTheMasterRetries() throws Exception {
        Transcript t = runMap(failingMap(true), "ok\nbad\n");
        assertEquals(WorkerSession.Outcome.ERROR, t.outcome());
        assertTrue(t.failure().startsWith(DataException.class.getName()), t.failure());
        assertTrue(t.outputs().isEmpty(), "no output of a failed task is announced");
    }

    @Test
    void runtimeExceptionFromTheMapIsFatalWithTheUsersFramesFirst() throws Exception {
        Transcript t = runMap(failingMap(false), "ok\nbad\n");
        assertEquals(WorkerSession.Outcome.FATAL, t.outcome());
        String[] lines = t.failure().split("\n");
        assertEquals("java.lang.IllegalStateException: user bug on line bad", lines[0]);
        assertTrue(lines[1].contains("FailureTest.lambda$failingMap"), lines[1]);
        assertFalse(t.failure().contains("WorkerSession"), "framework frames are trimmed: " + t.failure());
        assertTrue(t.failure().contains("jdisco.task(map)"), t.failure());
    }

    @Test
    void inMemoryRunSaysWhichFailuresAreRetryable() {
        TaskFailedException data = assertThrows(TaskFailedException.class,
                () -> ClassicJobTester.of(failingMap(true)).inputLines("bad").workDir(dir).run());
        assertTrue(data.isRetryable());
        assertInstanceOf(DataException.class, data.getCause());
        TaskFailedException bug = assertThrows(TaskFailedException.class,
                () -> ClassicJobTester.of(failingMap(false)).inputLines("bad").workDir(dir.resolve("2")).run());
        assertFalse(bug.isRetryable());
        assertEquals("map", bug.stage());
    }

    @Test
    void missingInputIsAnError() throws Exception {
        Transcript t = TaskHarness.of(failingMap(true).worker(), dir.resolve("home"))
                .input(MasterInput.of(dir.resolve("nope.txt").toString())).run(WAIT);
        assertEquals(WorkerSession.Outcome.ERROR, t.outcome(), t.failure());
    }

    @Test
    void secondIterationOfTheReduceInputIsFatalAndSaysWhy() {
        ClassicJob job = ClassicJob.builder("twice").reduce((entries, out, p) -> {
            entries.forEach(e -> { });
            entries.forEach(e -> { });
        }).build();
        TaskFailedException e = assertThrows(TaskFailedException.class,
                () -> ClassicJobTester.of(job).inputRecords(Tuple.pair("a", 1L)).workDir(dir).run());
        assertFalse(e.isRetryable());
        assertTrue(e.getCause().getMessage().contains("single-pass"), e.getCause().getMessage());
    }

    @Test
    void saveResultsWithPartitionsAndNoReduceIsFatal() {
        ClassicJob job = ClassicJob.builder("save").map(ClassicFunctions.nopMap()).partitions(2).saveResults(true)
                .build();
        TaskFailedException e = assertThrows(TaskFailedException.class,
                () -> ClassicJobTester.of(job).inputRecords(Tuple.pair("a", 1L)).workDir(dir).run());
        assertFalse(e.isRetryable());
        assertTrue(e.getCause().getMessage().contains("save_results"), e.getCause().getMessage());
    }

    @Test
    void partitionOutsideTheRangeIsFatalNamingTheKey() {
        ClassicJob job = ClassicJob.builder("p").map(WordCountJobs::words).partitions(3)
                .partition((key, n, params) -> n).build();
        TaskFailedException e = assertThrows(TaskFailedException.class,
                () -> ClassicJobTester.of(job).inputLines("w").workDir(dir).run());
        assertFalse(e.isRetryable());
        assertTrue(e.getCause().getMessage().contains("key w in partition 3"), e.getCause().getMessage());
    }

    @Test
    void mapReturningSomethingOtherThanPairsIsFatal() {
        ClassicJob job = ClassicJob.builder("np").map((Bytes line, Params p) -> List.of(Tuple.of(line))).build();
        TaskFailedException e = assertThrows(TaskFailedException.class,
                () -> ClassicJobTester.of(job).inputLines("w").workDir(dir).run());
        assertFalse(e.isRetryable());
        assertTrue(e.getCause().getMessage().contains("(key, value) pairs"), e.getCause().getMessage());
    }
}
