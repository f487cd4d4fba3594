package io.jdisco.local.internal.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written whole or not at all. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    /** A writer that writes half the bytes, then fails as a full disk does. */
    static final AtomicFiles.Writer HALF_THEN_FULL = (target, out, bytes) -> {
        out.write(bytes, 0, bytes.length / 2);
        throw new IOException("No space left on device");
    };

    @Test
    void writesAndReplaces() throws IOException {
        Path f = dir.resolve("jobfile");
        AtomicFiles.DISK.write(f, new byte[] {1, 2, 3});
        AtomicFiles.DISK.write(f, new byte[] {4}, true);
        assertArrayEquals(new byte[] {4}, Files.readAllBytes(f));
        assertEquals(1, count(dir), "no temporary file stays");
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporary() throws IOException {
        Path f = dir.resolve("jobfile");
        AtomicFiles failing = new AtomicFiles(HALF_THEN_FULL);
        IOException e = assertThrows(IOException.class, () -> failing.write(f, new byte[1000], true));
        assertEquals("No space left on device", e.getMessage());
        assertFalse(Files.exists(f));
        assertEquals(0, count(dir));
        AtomicFiles.DISK.write(f, new byte[] {7});
        assertThrows(IOException.class, () -> failing.write(f, new byte[1000]));
        assertArrayEquals(new byte[] {7}, Files.readAllBytes(f));
        assertEquals(1, count(dir));
    }

    @Test
    void anInterruptedThreadStillWrites() throws IOException {
        Path f = dir.resolve("job.json");
        Thread.currentThread().interrupt();
        try {
            AtomicFiles.DISK.write(f, new byte[] {1}, true);
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept");
        } finally {
            Thread.interrupted();
        }
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(f));
    }

    @Test
    void recognisesItsTemporaryNames() {
        assertTrue(AtomicFiles.isTemporary(".job.json.tmp-12"));
        assertFalse(AtomicFiles.isTemporary("job.json"));
    }

    private static long count(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
