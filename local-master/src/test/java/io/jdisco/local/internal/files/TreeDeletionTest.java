package io.jdisco.local.internal.files;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tree of many files and nested directories is deleted whole by several threads. */
class TreeDeletionTest {
    @TempDir
    Path tmp;

    @Test
    void deletesANestedTreeOfManyFiles() throws Exception {
        Path root = tmp.resolve("root");
        for (int d = 0; d < 20; d++) {
            Path dir = Files.createDirectories(root.resolve("h" + d).resolve("task-" + d).resolve("deep"));
            for (int i = 0; i < 30; i++) {
                Files.writeString(dir.resolve("out-" + i), "x");
                Files.writeString(dir.getParent().resolve("idx-" + i), "y");
            }
        }
        Files.createDirectories(root.resolve("empty"));
        TreeDeletion.delete(root, 4);
        assertFalse(Files.exists(root));
        TreeDeletion.delete(root, 4); // absent: nothing to do
    }

    @Test
    void atLeastOneThread() {
        assertThrows(IllegalArgumentException.class, () -> TreeDeletion.delete(tmp, 0));
    }
}
