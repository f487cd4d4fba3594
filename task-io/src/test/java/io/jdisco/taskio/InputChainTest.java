package io.jdisco.taskio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.DataException;
import io.jdisco.worker.DiscoException;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.io.InputStage;
import io.jdisco.worker.io.RecordReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The input chain runner: stage order, checks on every stage's result, closing. */
class InputChainTest {
    @TempDir
    Path dir;

    private final TestContext ctx = new TestContext();

    static <R> List<R> all(RecordReader<R> r) throws IOException {
        List<R> out = new ArrayList<>();
        try (r) {
            while (r.advance()) {
                out.add(r.current());
            }
        }
        return out;
    }

    @Test
    void withoutAReaderRecordsAreLinesIncludingTheNewline() throws IOException {
        Path f = Files.write(dir.resolve("in.txt"), "alpha beta\ngamma\nlast".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(Bytes.utf8("alpha beta\n"), Bytes.utf8("gamma\n"), Bytes.utf8("last")),
                all(TaskIo.defaultStream().open(f.toString(), ctx)));
    }

    @Test
    void rawDataWithoutNewlineIsOneRecord() throws IOException {
        assertEquals(List.of(Bytes.utf8("hello world")), all(TaskIo.defaultStream().open("raw://hello world", ctx)));
    }

    @Test
    void fileUrlsOpenThroughTheSchemeResolver() throws IOException {
        Path f = Files.write(dir.resolve("x"), "1\n".getBytes(StandardCharsets.UTF_8));
        all(TaskIo.defaultStream().open("file://" + f, ctx));
        assertEquals(List.of("file://" + f), ctx.opened);
    }

    @Test
    void toStringShowsTheWholeChain() {
        assertEquals("InputChain[task_input_stream -> gzip_reader -> byte_lines(keepNewline=true)]",
                TaskIo.gzipStream().toString());
        assertEquals("InputChain[task_input_stream -> disco_input_stream(ignoreCorrupt=false, codec=pickle)]",
                TaskIo.chainStream().toString());
    }

    @Test
    void aStageReturningNullIsNamedWithIndexClassAndUrl() {
        InputStage broken = new NullStage();
        DiscoException e = assertThrows(DiscoException.class,
                () -> InputChain.of(TaskIo.taskInputStream(), broken).open("raw://x", ctx));
        assertTrue(e.getMessage().contains("stage 1 (" + NullStage.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains("returned null for raw://x"), e.getMessage());
    }

    @Test
    void aStageThrowingARuntimeExceptionIsNamedAndTheOpenedStreamsClosed() {
        TrackingStage tracking = new TrackingStage();
        InputStage broken = (in, c) -> {
            throw new IllegalStateException("boom");
        };
        DiscoException e = assertThrows(DiscoException.class,
                () -> InputChain.of(tracking, broken).open("raw://x", ctx));
        assertTrue(e.getMessage().contains("stage 1 ("), e.getMessage());
        assertTrue(e.getMessage().contains("failed on raw://x: java.lang.IllegalStateException: boom"), e.getMessage());
        assertTrue(tracking.closed, "the stream of stage 0 must be closed");
    }

    @Test
    void aStageThrowingAnIoExceptionBecomesADataExceptionNamingTheStage() {
        InputStage broken = (in, c) -> {
            throw new IOException("disk on fire");
        };
        DataException e = assertThrows(DataException.class, () -> InputChain.of(broken).open("raw://x", ctx));
        assertEquals("raw://x", e.url());
        assertTrue(e.detail().startsWith("stage 0 ("), e.detail());
        assertTrue(e.detail().contains("disk on fire"), e.detail());
    }

    @Test
    void aChainWhoseStagesOpenNothingFails() {
        DiscoException e = assertThrows(DiscoException.class, () -> InputChain.of().open("raw://x", ctx));
        assertTrue(e.getMessage().contains("no stage that opens raw://x"), e.getMessage());
    }

    @Test
    void closingTheReaderClosesEveryStream() throws IOException {
        TrackingStage tracking = new TrackingStage();
        RecordReader<Bytes> r = InputChain.of(tracking).open("raw://a\nb", ctx);
        assertEquals(2, all(r).size());
        assertTrue(tracking.closed);
    }

    @Test
    void anOpenStreamCanStartTheChain() throws IOException {
        InputLink start = new InputLink(new ByteArrayInputStream("x\ny\n".getBytes(StandardCharsets.UTF_8)), 4, "-");
        assertEquals(List.of("x", "y"), all(InputChain.of(List.of(), TaskIo.lineReader()).open(start, ctx)));
    }

    @Test
    void chainsSurviveJavaSerialization() throws Exception {
        InputChain<Object> chain = TaskIo.chainStream();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(chain);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(chain.toString(), in.readObject().toString());
        }
    }

    /** A stage that misbehaves by returning null. */
    static final class NullStage implements InputStage {
        private static final long serialVersionUID = 1L;

        @Override
        public InputLink apply(InputLink in, io.jdisco.worker.io.ChainContext context) {
            return null;
        }
    }

    /** Opens raw:// data and notes whether its stream was closed. */
    static final class TrackingStage implements InputStage {
        private static final long serialVersionUID = 1L;
        boolean closed;

        @Override
        public InputLink apply(InputLink in, io.jdisco.worker.io.ChainContext context) {
            byte[] data = in.url().substring(6).getBytes(StandardCharsets.ISO_8859_1);
            InputStream s = new FilterInputStream(new ByteArrayInputStream(data)) {
                @Override
                public void close() throws IOException {
                    closed = true;
                    super.close();
                }
            };
            return new InputLink(s, data.length, in.url());
        }
    }
}
