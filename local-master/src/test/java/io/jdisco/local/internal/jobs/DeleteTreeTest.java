package io.jdisco.local.internal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.testing.Await;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Purging a job just killed: its workers may still be writing into its job home for a moment. */
class DeleteTreeTest {
    @TempDir
    Path tmp;

    /** Starts a thread creating files in {@code dir} until {@code stop}, and waits for its first file. */
    private static Thread writer(Path dir, AtomicBoolean stop) throws Exception {
        Thread t = new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                try {
                    Files.createDirectories(dir);
                    Files.writeString(dir.resolve("part-" + i + ".partial"), "x");
                } catch (IOException e) {
                    // the directory was deleted under us: go on, as a dying worker would
                }
            }
        });
        t.start();
        Await.until(() -> Files.exists(dir.resolve("part-0.partial")), Duration.ofSeconds(10), "the writer's first file");
        return t;
    }

    @Test
    void aJobHomeStillBeingWrittenIsDeletedOnceTheWriterStops() throws Exception {
        Path home = tmp.resolve("home");
        Path task = home.resolve("map-0");
        AtomicBoolean stop = new AtomicBoolean();
        Thread t = writer(task, stop);
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(300); // the writer goes on for a while during the delete: the behaviour under test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stop.set(true);
        });
        stopper.start();
        MasterService.deleteTreeOfStoppedWorkers(home, Duration.ofSeconds(10));
        t.join(10_000);
        stopper.join(10_000);
        MasterService.deleteTreeOfStoppedWorkers(home, Duration.ofSeconds(10));
        assertFalse(Files.exists(home));
    }

    @Test
    void aDirectoryThatStaysNotEmptyFailsTheDeletionAfterItsPatienceNamingTheHome() {
        Path home = tmp.resolve("home");
        IOException e = assertThrows(IOException.class, () -> MasterService.retryWhileNotEmpty(() -> {
            throw new DirectoryNotEmptyException(home.resolve("map-0").toString());
        }, home, Duration.ofMillis(200)));
        assertTrue(e.getMessage().contains(home.toString()) && e.getMessage().contains("200 ms"), e.getMessage());
    }

    @Test
    void aDeletionIsRetriedUntilTheDirectoryStaysEmpty() throws IOException {
        int[] tries = {0};
        MasterService.retryWhileNotEmpty(() -> {
            if (++tries[0] < 3) {
                throw new DirectoryNotEmptyException("busy");
            }
        }, tmp, Duration.ofSeconds(10));
        assertEquals(3, tries[0]);
    }
}
