package io.jdisco.local.internal.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A launcher still open for writing somewhere ("Text file busy") is started once it is closed. */
class WorkerProcessBusyTest {
    @TempDir
    Path dir;

    @Test
    void aLauncherBusyForAMomentIsStartedWhenItIsFree() throws Exception {
        Path launcher = dir.resolve("worker");
        FileOutputStream writing = new FileOutputStream(launcher.toFile());
        writing.write("#!/bin/sh\nexit 0\n".getBytes(StandardCharsets.US_ASCII));
        writing.flush();
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        // held open for writing: an exec now fails with ETXTBSY (error=26)
        IOException busy = assertThrows(IOException.class, () -> new ProcessBuilder(launcher.toString()).start());
        assertTrue(busy.getMessage().contains("error=26"), busy.getMessage());
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(30); // the writer lets go while the start is being retried
                writing.close();
            } catch (InterruptedException | IOException e) {
                throw new IllegalStateException(e);
            }
        });
        closer.start();
        Process p = WorkerProcess.startRetryingBusy(new ProcessBuilder(launcher.toString()));
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "the worker ends");
        assertEquals(0, p.exitValue());
        closer.join();
    }

    @Test
    void anotherFailureIsThrownAtOnce() {
        IOException e = assertThrows(IOException.class,
                () -> WorkerProcess.startRetryingBusy(new ProcessBuilder(dir.resolve("missing").toString())));
        assertTrue(e.getMessage().contains("error=2,"), e.getMessage());
    }
}
