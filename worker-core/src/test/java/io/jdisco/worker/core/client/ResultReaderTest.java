package io.jdisco.worker.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.taskio.TaskIo;
import io.jdisco.worker.DataException;
import io.jdisco.worker.Params;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.core.scheme.Schemes;
import io.jdisco.worker.core.taskio.BasicChainContext;
import io.jdisco.worker.core.taskio.LocalFileProvider;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.io.RecordWriter;
import io.jdisco.worker.spi.ResolvedInput;
import io.jdisco.worker.spi.SchemeContext;
import io.jdisco.worker.spi.SchemeProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultReaderTest {
    @TempDir
    Path dir;

    /** An indirect test scheme: {@code idx://a+b} lists the files a and b of the temp dir. */
    private final class IndexProvider implements SchemeProvider {
        @Override
        public Set<String> schemes() {
            return Set.of("idx");
        }

        @Override
        public boolean isIndirect() {
            return true;
        }

        @Override
        public InputLink open(String url, SchemeContext context) {
            byte[] text = url.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return new InputLink(new ByteArrayInputStream(text), text.length, url);
        }

        @Override
        public List<ResolvedInput> expand(String url, SchemeContext context) {
            List<ResolvedInput> out = new ArrayList<>();
            for (String name : url.substring("idx://".length()).split("\\+")) {
                out.add(ResolvedInput.of(dir.resolve(name).toString()));
            }
            return out;
        }
    }

    private BasicChainContext context() {
        return BasicChainContext.outsideTask(new Params(), Schemes.of(new LocalFileProvider(), new IndexProvider()),
                Map.of(), text -> { });
    }

    private void write(String name, Object... pairs) throws IOException {
        Path file = dir.resolve(name);
        try (RecordWriter w = TaskIo.taskOutput().open(file.toString(), context())) {
            for (int i = 0; i < pairs.length; i += 2) {
                w.add(pairs[i], pairs[i + 1]);
            }
        }
    }

    private List<Object> readAll(List<List<String>> results) throws IOException {
        List<Object> out = new ArrayList<>();
        try (ResultReader<Object> r = ResultReader.open(results, TaskIo.chainStream(), context())) {
            while (r.advance()) {
                out.add(r.current());
            }
        }
        return out;
    }

    @Test
    void readsIndexResultsEntryByEntry() throws IOException {
        write("a", "x", 1L, "y", 2L);
        write("b", "z", 3L);
        assertEquals(List.of(Tuple.pair("x", 1L), Tuple.pair("y", 2L), Tuple.pair("z", 3L)),
                readAll(List.of(List.of("idx://a+b"))));
    }

    @Test
    void failsOverToTheNextReplicaOfADirectResult() throws IOException {
        write("good", "k", "v");
        assertEquals(List.of(Tuple.pair("k", "v")),
                readAll(List.of(List.of(dir.resolve("missing").toString(), dir.resolve("good").toString()))));
    }

    @Test
    void resultWhoseReplicasAllFailIsADataException() throws IOException {
        DataException e = assertThrows(DataException.class,
                () -> readAll(List.of(List.of(dir.resolve("gone").toString()))));
        assertTrue(e.getMessage().contains("Exhausted all available replicas"), e.getMessage());
    }

    @Test
    void iteratorWrapsDataErrorsUnchecked() throws IOException {
        try (ResultReader<Object> r = ResultReader.open(List.of(List.of(dir.resolve("gone").toString())),
                TaskIo.chainStream(), context())) {
            java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
                    () -> r.iterator().hasNext());
            assertTrue(e.getCause() instanceof DataException, e.toString());
        }
    }

    @Test
    void emptyReplicaListIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ResultReader.open(List.of(List.of()), TaskIo.chainStream(), context()));
    }
}
