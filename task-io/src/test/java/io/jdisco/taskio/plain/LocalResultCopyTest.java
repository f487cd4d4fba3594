package io.jdisco.taskio.plain;

import io.jdisco.taskio.TestContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.jdisco.worker.io.ChainContext;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;



class LocalResultCopyTest {
    private static final ChainContext CONTEXT = new TestContext();

    @TempDir
    Path tmp;

    private FileChannel output(Path file) throws Exception {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    @Test
    void localFilesAreCopiedOneAfterTheOther() throws Exception {
        Path a = Files.writeString(tmp.resolve("a"), "aa 1\nab 2\n");
        Path b = Files.writeString(tmp.resolve("b"), "ba 3\n");
        Path out = tmp.resolve("out");
        try (FileChannel target = output(out)) {
            assertTrue(LocalResultCopy.copy("file://" + a, CONTEXT, target));
            assertTrue(LocalResultCopy.copy("file://" + b, CONTEXT, target));
        }
        assertEquals("aa 1\nab 2\nba 3\n", Files.readString(out));
    }

    @Test
    void aResultThatIsNotALocalFileIsLeftToTheCallerWithNothingWritten() throws Exception {
        Path out = tmp.resolve("out");
        try (FileChannel target = output(out)) {
            assertFalse(LocalResultCopy.copy("raw://data", CONTEXT, target));
            assertFalse(LocalResultCopy.copy("file://" + tmp.resolve("missing"), CONTEXT, target));
        }
        assertEquals(0, Files.size(out));
    }
}
