package io.jdisco.cli.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdisco.cli.Console;
import io.jdisco.examples.WordCount;
import io.jdisco.local.LocalMasterConfig.WorkerMode;
import io.jdisco.schemes.part.PartUrl;
import io.jdisco.worker.core.jobpack.JobPack;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerJitTest {
    private static final Map<String, String> C2_ONLY = Map.of(WorkerChoice.JAVA_OPTS_VARIABLE, WorkerJit.C2_ONLY);

    @TempDir
    Path tmp;

    private static Console env(Map<String, String> env) {
        PrintStream sink = new PrintStream(PrintStream.nullOutputStream());
        return new Console(sink, sink, false, env);
    }

    private Path sparse(String name, long size) throws Exception {
        Path p = tmp.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size);
        }
        return p;
    }

    private List<String> bigParts() throws Exception {
        long size = 2 * WorkerJit.BIG_TASK_BYTES;
        return PartUrl.split(sparse("big.txt", size), size, 2);
    }

    @Test
    void bigMapTasksOnWorkerProcessesGetC2Only() throws Exception {
        Console console = env(Map.of());
        assertEquals(C2_ONLY, WorkerJit.jobenvs(Optional.of(WorkerMode.REUSED_PROCESSES), bigParts(), console));
        List<String> files = List.of("file://" + sparse("a.txt", WorkerJit.BIG_TASK_BYTES));
        assertEquals(C2_ONLY, WorkerJit.jobenvs(Optional.of(WorkerMode.PROCESSES), files, console));
    }

    @Test
    void middleSizedMapTasksKeepTheTieredJit() throws Exception {
        List<String> files = List.of("file://" + sparse("a.txt", WorkerJit.BIG_TASK_BYTES),
                "file://" + sparse("b.txt", 1000));
        assertEquals(Map.of(), WorkerJit.jobenvs(Optional.of(WorkerMode.REUSED_PROCESSES), files, env(Map.of())));
    }

    @Test
    void manySmallMapTasksGetC1OnlyOnWorkerProcessesAndRemoteMasters() throws Exception {
        List<String> files = List.of("file://" + sparse("a.txt", 4096), "file://" + sparse("b.txt", WorkerJit.SMALL_TASK_BYTES));
        Map<String, String> c1 = Map.of(WorkerChoice.JAVA_OPTS_VARIABLE, WorkerJit.C1_ONLY);
        assertEquals(c1, WorkerJit.jobenvs(Optional.of(WorkerMode.REUSED_PROCESSES), files, env(Map.of())));
        assertEquals(c1, WorkerJit.jobenvs(Optional.empty(), files, env(Map.of())));
        assertEquals(Map.of(), WorkerJit.jobenvs(Optional.of(WorkerMode.THREADS), files, env(Map.of())));
    }

    @Test
    void smallTasksOfABigJobKeepTheTieredJit() throws Exception {
        long each = WorkerJit.SMALL_TASK_BYTES;
        int n = (int) (WorkerJit.SMALL_JOB_BYTES / each) + 1;
        List<String> parts = PartUrl.split(sparse("many.txt", each * n), each * n, n);
        assertEquals(Map.of(), WorkerJit.jobenvs(Optional.of(WorkerMode.REUSED_PROCESSES), parts, env(Map.of())));
    }

    @Test
    void threadsAndRemoteMastersGetNoC2Only() throws Exception {
        List<String> parts = bigParts();
        assertEquals(Map.of(), WorkerJit.jobenvs(Optional.of(WorkerMode.THREADS), parts, env(Map.of())));
        assertEquals(Map.of(), WorkerJit.jobenvs(Optional.empty(), parts, env(Map.of())));
    }

    @Test
    void theUsersWorkerOptionsAreLeftAlone() throws Exception {
        Console console = env(Map.of(WorkerChoice.JAVA_OPTS_VARIABLE, "-Xmx256m"));
        assertEquals(Map.of(), WorkerJit.jobenvs(Optional.of(WorkerMode.REUSED_PROCESSES), bigParts(), console));
    }

    @Test
    void anInputThatIsNotALocalFileKeepsTheTieredJit() throws Exception {
        List<String> inputs = List.of(bigParts().get(0), "http://example.com/big.txt");
        assertEquals(Map.of(), WorkerJit.jobenvs(Optional.of(WorkerMode.REUSED_PROCESSES), inputs, env(Map.of())));
    }

    @Test
    void theJobPackCarriesTheOptionsBesideTheJobsOwnEnvironment() throws Exception {
        JobPack pack = JobRun.pack(WordCount.job(List.of("raw://a b"), 1, false, true).classicJob(), true, C2_ONLY);
        assertEquals(WorkerJit.C2_ONLY, pack.jobenvs().get(WorkerChoice.JAVA_OPTS_VARIABLE));
        assertEquals("lib", pack.jobenvs().get("LD_LIBRARY_PATH"));
        JobPack plain = JobRun.pack(WordCount.job(List.of("raw://a b"), 1, false, true).classicJob(), true, Map.of());
        assertEquals(null, plain.jobenvs().get(WorkerChoice.JAVA_OPTS_VARIABLE));
    }
}
