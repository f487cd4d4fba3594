package io.jdisco.worker.core.taskio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.taskio.InputChain;
import io.jdisco.taskio.TaskIo;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.Params;
import io.jdisco.worker.Task;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.core.Worker;
import io.jdisco.worker.core.input.RecordOpener;
import io.jdisco.worker.core.output.OutputOpener;
import io.jdisco.worker.core.scheme.Schemes;
import io.jdisco.worker.io.RecordReader;
import io.jdisco.worker.io.RecordWriter;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainTaskIoTest {
    @TempDir
    Path home;

    /** A worker with no behaviour: only its parameters matter here. */
    static final class PlainWorker extends Worker {
        private static final long serialVersionUID = 1L;

        PlainWorker(Map<String, ?> values) {
            super(values);
        }

        @Override
        protected void run(Task task, Map<String, Object> jobargs) {
        }

        /** The worker's own input opener, as {@link Worker#run} would use it. */
        RecordOpener<Object> ownInputOpener(Task task) {
            return inputOpener(task);
        }
    }

    private Task task() {
        return Task.builder().master("http://localhost:8989").ddfsData(home.resolve("ddfs").toString())
                .discoData(home.resolve("data").toString()).stage("map").grouping("split").group(0, "localhost")
                .jobfile(home.resolve("jobfile").toString()).jobname("J@1:2:3").host("localhost").build();
    }

    /**
     * Runs {@code body} with a context class loader that registers {@link LocalFileProvider}, as a
     * scheme jar on a node's class path would (worker-core cannot depend on scheme-file).
     */
    private <T> T withFileScheme(IoCall<T> body) throws IOException {
        Path services = home.resolve("cp/META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve("io.jdisco.worker.spi.SchemeProvider"), LocalFileProvider.class.getName());
        Thread t = Thread.currentThread();
        ClassLoader old = t.getContextClassLoader();
        try (URLClassLoader cl = new URLClassLoader(new URL[] {home.resolve("cp").toUri().toURL()}, old)) {
            t.setContextClassLoader(cl);
            return body.call();
        } finally {
            t.setContextClassLoader(old);
        }
    }

    @FunctionalInterface
    interface IoCall<T> {
        T call() throws IOException;
    }

    /** The worker's default input opener, as {@link Worker#inputOpener} builds it. */
    private static RecordOpener<Object> inputOf(Task task, Worker w) {
        return ChainTaskIo.defaultInputOpener(task, w.parameters(), w.environment(), w::status);
    }

    /** The worker's default output opener, as {@link Worker#outputOpener} builds it. */
    private static OutputOpener outputOf(Task task, Worker w) {
        return ChainTaskIo.defaultOutputOpener(task, w.parameters(), w.environment(), w::status);
    }

    private static List<Object> readAll(RecordReader<?> r) throws IOException {
        List<Object> out = new ArrayList<>();
        try (r) {
            while (r.advance()) {
                out.add(r.current());
            }
        }
        return out;
    }

    @Test
    void aWorkerReadsThroughChainTaskIoByDefault() throws IOException {
        Task task = task();
        PlainWorker w = new PlainWorker(Map.of());
        Path file = home.resolve("out/part-0");
        Files.createDirectories(file.getParent());
        try (RecordWriter writer = outputOf(task, w).open(task.output(0), file)) {
            writer.add("k", 1L);
        }
        List<Object> back = withFileScheme(() -> readAll(w.ownInputOpener(task).open(file.toString())));
        assertEquals(List.of(Tuple.pair("k", 1L)), back);
    }

    @Test
    void outputIsInvisibleUntilClosedThenReadsBackAsPairs() throws IOException {
        Task task = task();
        PlainWorker w = new PlainWorker(Map.of());
        Path file = home.resolve("out/part-0");
        Files.createDirectories(file.getParent());
        RecordWriter writer = outputOf(task, w).open(task.output(0), file);
        writer.add("k", 1L);
        writer.add(Bytes.utf8("b"), null);
        assertFalse(Files.exists(file), "visible before close");
        writer.close();
        assertTrue(Files.exists(file));
        assertEquals(0x81, Files.readAllBytes(file)[0] & 0xFF, "internal format hunk marker");
        List<Object> back = withFileScheme(() -> readAll(inputOf(task, w).open(file.toString())));
        assertEquals(List.of(Tuple.pair("k", 1L), Tuple.pair(Bytes.utf8("b"), null)), back);
    }

    @Test
    void inputChainParameterReplacesTheDefaultReader() throws IOException {
        Path file = home.resolve("lines.txt");
        Files.write(file, "a\nb".getBytes(StandardCharsets.UTF_8));
        PlainWorker w = new PlainWorker(Map.of(ChainTaskIo.INPUT_CHAIN, TaskIo.defaultStream()));
        List<Object> back = withFileScheme(() -> readAll(inputOf(task(), w).open(file.toString())));
        assertEquals(List.of(Bytes.utf8("a\n"), Bytes.utf8("b")), back);
    }

    @Test
    void chainParameterOfTheWrongTypeIsNamed() {
        PlainWorker w = new PlainWorker(Map.of(ChainTaskIo.OUTPUT_CHAIN, "not a chain"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> outputOf(task(), w));
        assertTrue(e.getMessage().contains("'output_chain'"), e.getMessage());
    }

    @Test
    void contextCarriesTheWorkersParamsAndStringSettings() {
        Params p = Params.of("n", 3);
        PlainWorker w = new PlainWorker(Map.of("params", p, "DISCO_PROXY", "http://proxy:1", "partitions", 4));
        BasicChainContext ctx = ChainTaskIo.context(task(), w.parameters(), w.environment(), w::status);
        assertEquals(p, ctx.params());
        assertEquals("http://proxy:1", ctx.setting("DISCO_PROXY").orElseThrow());
        assertTrue(ctx.setting("partitions").isEmpty(), "only string parameters are settings");
        assertEquals("J@1:2:3", ctx.task().orElseThrow().jobname());
    }

    @Test
    void messagesGoToTheStatusLine() {
        List<String> said = new ArrayList<>();
        BasicChainContext ctx = BasicChainContext.of(task(), new Params(), Schemes.of(), Map.of(), said::add);
        ctx.message("3 entries mapped");
        assertEquals(List.of("3 entries mapped"), said);
    }

    @Test
    void staticOpenerUsesTheGivenChain() throws IOException {
        Path file = home.resolve("x.txt");
        Files.write(file, "only\n".getBytes(StandardCharsets.UTF_8));
        BasicChainContext ctx = BasicChainContext.of(task(), new Params(), Schemes.of(new LocalFileProvider()), Map.of(),
                s -> { });
        InputChain<String> chain = InputChain.of(List.of(TaskIo.taskInputStream()), TaskIo.lineReader());
        assertEquals(List.of("only"), readAll(ChainTaskIo.inputOpener(chain, ctx).open(file.toString())));
    }
}
