package io.jdisco.taskio.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.Params;
import io.jdisco.worker.Task;
import io.jdisco.worker.io.ChainContext;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.spi.ResolvedInput;
import io.jdisco.worker.spi.SchemeContext;
import io.jdisco.worker.spi.SchemeResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalResultCopyTest {
    private static final ChainContext CONTEXT = new FileAndRawContext();

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

    /** Opens {@code file://} URLs as local files and {@code raw://} URLs as their bytes, as the schemes do. */
    private static final class FileAndRawContext implements ChainContext, SchemeResolver {
        @Override
        public Params params() {
            return new Params();
        }

        @Override
        public void message(String text) {
        }

        @Override
        public Optional<Task> task() {
            return Optional.empty();
        }

        @Override
        public Optional<String> setting(String name) {
            return Optional.empty();
        }

        @Override
        public SchemeResolver resolver() {
            return this;
        }

        @Override
        public InputLink open(String url, SchemeContext context) throws IOException {
            if (url.startsWith("raw://")) {
                byte[] data = url.substring("raw://".length()).getBytes(StandardCharsets.UTF_8);
                return new InputLink(new ByteArrayInputStream(data), data.length, url);
            }
            Path file = Path.of(url.substring("file://".length()));
            return new InputLink(Files.newInputStream(file), Files.size(file), url);
        }

        @Override
        public List<ResolvedInput> expand(String url, SchemeContext context) {
            return List.of(ResolvedInput.of(url));
        }

        @Override
        public boolean isIndirect(String url) {
            return false;
        }

        @Override
        public Set<String> schemes() {
            return Set.of("file", "raw");
        }
    }
}
