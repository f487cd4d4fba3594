package io.jdisco.local.internal.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.internal.files.EventLog;
import io.jdisco.local.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerPoolTest {
    @TempDir
    Path home;

    /** A job whose worker writes its pid to a file and then waits on stdin, as an idle host does. */
    private JobSetup job() throws IOException {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path worker = bin.resolve("worker");
        Files.writeString(worker, "#!/bin/sh\necho $$ > \"pid-$$\"\nexec cat > /dev/null\n");
        Files.setPosixFilePermissions(worker, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new JobSetup("Pool@1", home, "bin/worker", Map.of(), new EventLog(home.resolve("events")));
    }

    /** The two prestarted worker processes, once both have written their pids. */
    private List<ProcessHandle> workers() throws Exception {
        Await.until(() -> pids().size() >= 2, Duration.ofSeconds(10), "two workers write their pids in " + home);
        return pids();
    }

    private List<ProcessHandle> pids() throws IOException {
        List<ProcessHandle> found = new ArrayList<>();
        try (var files = Files.list(home)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.getFileName().toString().startsWith("pid-"))::iterator) {
                String pid = Files.readString(p).trim();
                if (!pid.isEmpty()) {
                    ProcessHandle.of(Long.parseLong(pid)).ifPresent(found::add);
                }
            }
        }
        return found;
    }

    @Test
    void prestartedProcessesWaitIdleAndServeTheFirstSessions() throws Exception {
        try (WorkerPool pool = new WorkerPool(job(), false)) {
            pool.prestart(2);
            assertEquals(2, pool.idleCount());
            assertEquals(2, workers().size(), "both processes started before any session");
            WorkerHandle first = pool.start();
            assertEquals(1, pool.idleCount(), "the first session took a waiting process");
            first.kill(-1);
        }
    }

    @Test
    void closingThePoolKillsTheIdlePrestartedProcesses() throws Exception {
        List<ProcessHandle> started;
        try (WorkerPool pool = new WorkerPool(job(), false)) {
            pool.prestart(2);
            started = workers();
            assertEquals(2, started.size());
        }
        for (ProcessHandle p : started) {
            p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertFalse(p.isAlive(), "process " + p.pid() + " outlived its pool");
        }
        assertTrue(started.stream().noneMatch(ProcessHandle::isAlive));
    }
}
