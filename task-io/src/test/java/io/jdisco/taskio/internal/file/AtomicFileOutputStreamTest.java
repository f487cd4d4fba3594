package io.jdisco.taskio.internal.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.DataException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The partial file, its missing directories, and the free-space check. */
class AtomicFileOutputStreamTest {
    @TempDir
    Path tmp;

    @Test
    void createsMissingDirectoriesAndRenamesOnClose() throws Exception {
        Path target = tmp.resolve("a/b/out");
        try (AtomicFileOutputStream out = AtomicFileOutputStream.open(target, 0)) {
            out.write(new byte[] {1, 2, 3});
            assertTrue(Files.exists(tmp.resolve("a/b/out.partial")));
            assertFalse(Files.exists(target));
        }
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
        assertFalse(Files.exists(tmp.resolve("a/b/out.partial")));
    }

    @Test
    void tooLittleFreeSpaceFailsAndLeavesNoFile() throws Exception {
        Path target = tmp.resolve("out");
        DataException e = assertThrows(DataException.class, () -> AtomicFileOutputStream.open(target, Long.MAX_VALUE));
        assertTrue(e.getMessage().contains("disk space available"), e.getMessage());
        try (var files = Files.list(tmp)) {
            assertFalse(files.findAny().isPresent(), "no file left");
        }
    }
}
