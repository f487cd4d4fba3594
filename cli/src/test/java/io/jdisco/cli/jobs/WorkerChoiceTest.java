package io.jdisco.cli.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.cli.Console;
import io.jdisco.cli.UsageException;
import io.jdisco.local.LocalMasterConfig.WorkerMode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerChoiceTest {
    @TempDir
    Path tmp;

    private String file(String name, int size) throws Exception {
        Path p = tmp.resolve(name);
        Files.write(p, new byte[size]);
        return Inputs.url(p.toString());
    }

    private static Console env(Map<String, String> env) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        return new Console(sink, sink, false, env);
    }

    @Test
    void autoRunsFilesUpToTheLimitOnThreads() throws Exception {
        assertEquals(WorkerMode.THREADS, WorkerChoice.auto(List.of(file("a", 60), file("b", 40)), 100));
    }

    @Test
    void autoRunsFilesOverTheLimitAsReusedProcesses() throws Exception {
        assertEquals(WorkerMode.REUSED_PROCESSES, WorkerChoice.auto(List.of(file("a", 60), file("b", 41)), 100));
    }

    @Test
    void autoRunsAnyNonFileInputAsReusedProcesses() throws Exception {
        assertEquals(WorkerMode.REUSED_PROCESSES, WorkerChoice.auto(List.of(file("a", 1), "raw://tiny"), 100));
        assertEquals(WorkerMode.REUSED_PROCESSES, WorkerChoice.auto(List.of("http://127.0.0.1:1/x"), 100));
    }

    @Test
    void autoRunsAMissingFileAsReusedProcesses() {
        assertEquals(WorkerMode.REUSED_PROCESSES, WorkerChoice.auto(List.of("file://" + tmp.resolve("gone")), 100));
    }

    @Test
    void theDefaultLimitIs64MiB() {
        assertEquals(64L * 1024 * 1024, WorkerChoice.THREADS_LIMIT);
    }

    @Test
    void theOptionWinsOverTheEnvironment() throws Exception {
        Console c = env(Map.of(WorkerChoice.VARIABLE, "threads"));
        assertEquals(WorkerMode.PROCESSES, WorkerChoice.choose("processes", c, List.of(file("a", 1))));
    }

    @Test
    void reusedChoosesReusedProcesses() throws Exception {
        assertEquals(WorkerMode.REUSED_PROCESSES, WorkerChoice.choose("reused", env(Map.of()), List.of(file("a", 1))));
    }

    @Test
    void theEnvironmentChoosesWithoutTheOption() {
        Console c = env(Map.of(WorkerChoice.VARIABLE, "threads"));
        assertEquals(WorkerMode.THREADS, WorkerChoice.choose(null, c, List.of("raw://x")));
    }

    @Test
    void withNeitherTheRuleDecides() throws Exception {
        assertEquals(WorkerMode.THREADS, WorkerChoice.choose(null, env(Map.of()), List.of(file("a", 10))));
        assertEquals(WorkerMode.REUSED_PROCESSES, WorkerChoice.choose("auto", env(Map.of()), List.of("raw://x")));
    }

    @Test
    void aBadEnvironmentValueIsNamed() {
        Console c = env(Map.of(WorkerChoice.VARIABLE, "many"));
        UsageException e = assertThrows(UsageException.class, () -> WorkerChoice.choose(null, c, List.of("raw://x")));
        assertTrue(e.getMessage().contains("JDISCO_WORKERS must be threads, reused, processes or auto, got 'many'"),
                e.getMessage());
    }

    @Test
    void autoRunsReusedProcessesWhileWorkerJvmOptionsAreSet() throws Exception {
        Console c = env(Map.of(WorkerChoice.JAVA_OPTS_VARIABLE, "-Xmx24m"));
        assertEquals(WorkerMode.REUSED_PROCESSES, WorkerChoice.choose(null, c, List.of(file("a", 10))));
    }

    @Test
    void blankWorkerJvmOptionsLeaveAutoOnThreads() throws Exception {
        Console c = env(Map.of(WorkerChoice.JAVA_OPTS_VARIABLE, " "));
        assertEquals(WorkerMode.THREADS, WorkerChoice.choose("auto", c, List.of(file("a", 10))));
    }

    @Test
    void explicitThreadsIgnoreWorkerJvmOptions() throws Exception {
        Console c = env(Map.of(WorkerChoice.JAVA_OPTS_VARIABLE, "-Xmx24m"));
        assertEquals(WorkerMode.THREADS, WorkerChoice.choose("threads", c, List.of(file("a", 10))));
    }

    @Test
    void autoUsesTheCommandsLimit() throws Exception {
        List<String> inputs = List.of(file("a", 100));
        assertEquals(WorkerMode.REUSED_PROCESSES, WorkerChoice.choose(null, env(Map.of()), inputs, 99));
        assertEquals(WorkerMode.THREADS, WorkerChoice.choose(null, env(Map.of()), inputs, 100));
    }

    @Test
    void sortRunsUpTo256MiBOnThreads() {
        assertEquals(256L << 20, SortCommand.THREADS_LIMIT);
        assertTrue(new SortCommand().usage().contains("at most 256 MiB"), new SortCommand().usage());
    }
}
