package io.jdisco.taskio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.taskio.internal.file.AtomicFileStage;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.DataException;
import io.jdisco.worker.DiscoException;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.io.OutputStage;
import io.jdisco.worker.io.RecordWriter;
import io.jdisco.worker.io.WriterStage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output chain runner and the atomic task output. */
class OutputChainTest {
    @TempDir
    Path dir;

    private final TestContext ctx = new TestContext();

    @Test
    void outputIsInvisibleUntilClosedThenRenamed() throws IOException {
        Path target = dir.resolve("a/b/out");
        RecordWriter w = TaskIo.taskOutput().open(target.toString(), ctx);
        w.add(Bytes.utf8("k"), Bytes.utf8("v"));
        assertFalse(Files.exists(target));
        assertTrue(Files.exists(dir.resolve("a/b/out.partial")));
        w.close();
        assertTrue(Files.exists(target));
        assertFalse(Files.exists(dir.resolve("a/b/out.partial")));
    }

    @Test
    void theSingleRecordFileMatchesTheSpecWorkedExample() throws IOException {
        Path target = dir.resolve("kv");
        try (RecordWriter w = TaskIo.taskOutput().open(target.toString(), ctx)) {
            w.add(Bytes.utf8("k"), Bytes.utf8("v"));
        }
        List<Hunks.Hunk> hunks = Hunks.parse(Files.readAllBytes(target));
        assertEquals(2, hunks.size());
        assertEquals("2855016b550176747101" + "2e", HexFormat.of().formatHex(hunks.get(0).payload));
        assertEquals(0x2a9f3324L, hunks.get(0).crc);
        byte[] file = Files.readAllBytes(target);
        assertEquals("8101000000000800000000000000785e030000000001",
                HexFormat.of().formatHex(file, file.length - 22, file.length));
    }

    @Test
    void anEmptyOutputIsExactlyTheTerminatorHunk() throws IOException {
        Path target = dir.resolve("empty");
        TaskIo.taskOutput().open(target.toString(), ctx).close();
        assertEquals("8101000000000800000000000000785e030000000001", HexFormat.of().formatHex(Files.readAllBytes(target)));
    }

    @Test
    void tooLittleFreeSpaceFailsNamingTheDirectory() {
        OutputChain chain = OutputChain.of(List.of(new AtomicFileStage(Long.MAX_VALUE)), TaskIo.discoOutputStream());
        DataException e = assertThrows(DataException.class, () -> chain.open(dir.resolve("x").toString(), ctx));
        assertTrue(e.detail().matches("Only \\d+ KB disk space available\\. Task failed\\."), e.detail());
        assertEquals(dir.toAbsolutePath().toString(), e.url());
    }

    @Test
    void aRecordAboveMaxRecordSizeIsRefusedAndTheWriterGoesOn() throws IOException {
        Path target = dir.resolve("bounded");
        OutputChain chain = OutputChain.of(List.of(TaskIo.taskOutputStream()),
                TaskIo.discoOutputStream(DiscoOutputOptions.defaults().withMaxRecordSize(20)));
        try (RecordWriter w = chain.open(target.toString(), ctx)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> w.add(Bytes.utf8("k"), Bytes.utf8("x".repeat(30))));
            assertEquals("Record of size 42 is larger than max_record_size: 20", e.getMessage());
            w.add(Bytes.utf8("k"), 1L);
        }
        assertEquals(List.of(Tuple.pair(Bytes.utf8("k"), 1L)), InternalFormatVectorsTest.readAll(target.toString(), ctx));
    }

    @Test
    void aStageReturningNullIsNamed() {
        OutputStage broken = (in, c) -> null;
        OutputChain chain = OutputChain.of(List.of(broken), TaskIo.plainOutputStream());
        DiscoException e = assertThrows(DiscoException.class, () -> chain.open("out", ctx));
        assertTrue(e.getMessage().startsWith("stage 0 ("), e.getMessage());
        assertTrue(e.getMessage().contains("returned null for out"), e.getMessage());
    }

    @Test
    void aWriterStageThatFailsLeavesNoFileBehind() {
        WriterStage broken = (in, c) -> {
            throw new IllegalStateException("no writer today");
        };
        Path target = dir.resolve("never");
        OutputChain chain = OutputChain.of(List.of(TaskIo.taskOutputStream()), broken);
        assertThrows(DiscoException.class, () -> chain.open(target.toString(), ctx));
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(dir.resolve("never.partial")));
    }

    @Test
    void aWriterThatFailsToFinishLeavesNoFileBehind() throws IOException {
        WriterStage failingClose = (in, c) -> new RecordWriter() {
            @Override
            public void add(Object key, Object value) throws IOException {
                in.stream().write(1);
            }

            @Override
            public void close() throws IOException {
                throw new IOException("disk full");
            }
        };
        Path target = dir.resolve("half");
        RecordWriter w = OutputChain.of(List.of(TaskIo.taskOutputStream()), failingClose).open(target.toString(), ctx);
        w.add("k", "v");
        assertThrows(IOException.class, w::close);
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(dir.resolve("half.partial")));
    }

    @Test
    void toStringShowsTheWholeChain() {
        assertEquals("OutputChain[task_output_stream -> disco_output_stream(level 2, min hunk 1048576, "
                + "max record unlimited, codec pickle)]", TaskIo.taskOutput().toString());
    }

    @Test
    void plainOutputWritesTheOldTextFormat() throws IOException {
        Path target = dir.resolve("plain");
        OutputChain chain = OutputChain.of(List.of(TaskIo.taskOutputStream()), TaskIo.plainOutputStream());
        try (RecordWriter w = chain.open(target.toString(), ctx)) {
            w.add(Bytes.utf8("_"), Bytes.EMPTY);
            w.add("\u00e4", Tuple.pair(Bytes.utf8("a"), 1L));
            w.add(null, 1.5);
        }
        assertEquals("1 _ 0 \n2 \u00c3\u00a4 8 ('a', 1)\n4 None 3 1.5\n",
                new String(Files.readAllBytes(target), java.nio.charset.StandardCharsets.ISO_8859_1));
    }
}
