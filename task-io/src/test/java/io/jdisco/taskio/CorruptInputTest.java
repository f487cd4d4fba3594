package io.jdisco.taskio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.taskio.internal.hunk.ReadAheadThreads;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.DataException;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.io.ReaderStage;
import io.jdisco.worker.io.RecordReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Every kind of bad input named in the issue fails with the URL and an offset, or is skipped and counted. */
class CorruptInputTest {
    private static final String URL = "test://corrupt";
    private final TestContext ctx = new TestContext();

    static byte[] pickled(Object... records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordCodec.Encoder e = PickleCodec.INSTANCE.newEncoder();
        for (Object r : records) {
            e.encode(r, out);
        }
        return out.toByteArray();
    }

    <R> List<R> read(ReaderStage<R> stage, byte[] data, long size) throws IOException {
        List<R> out = new ArrayList<>();
        try (RecordReader<R> r = stage.open(new InputLink(new ByteArrayInputStream(data), size, URL), ctx)) {
            while (r.advance()) {
                out.add(r.current());
            }
        }
        return out;
    }

    <R> DataException failure(ReaderStage<R> stage, byte[] data, long size) {
        DataException e = assertThrows(DataException.class, () -> read(stage, data, size));
        assertEquals(URL, e.url());
        return e;
    }

    private byte[] goodHunk() throws IOException {
        return Hunks.hunk(pickled(Tuple.pair(Bytes.utf8("k"), 1L)), true);
    }

    @Test
    void truncatedHeaderNamesUrlAndOffset() throws IOException {
        byte[] good = goodHunk();
        byte[] data = Hunks.concat(good, Arrays.copyOf(good, 6));
        DataException e = failure(TaskIo.chainReader(), data, data.length);
        assertEquals("Truncated data at " + good.length + " bytes", e.detail());
    }

    @Test
    void truncatedPayloadNamesUrlAndOffset() throws IOException {
        byte[] good = goodHunk();
        byte[] data = Arrays.copyOf(good, good.length - 3);
        DataException e = failure(TaskIo.chainReader(), data, data.length);
        assertTrue(e.detail().startsWith("Truncated data between bytes 14-" + good.length), e.detail());
    }

    @Test
    void crcMismatchNamesUrlAndOffsets() throws IOException {
        byte[] data = goodHunk();
        data[2] ^= 1;
        DataException e = failure(TaskIo.chainReader(), data, data.length);
        assertEquals("Corrupted data between bytes 14-" + data.length + ": Checksum does not match", e.detail());
    }

    @Test
    void badZlibDataNamesUrlAndOffsets() throws IOException {
        byte[] data = Hunks.concat(goodHunk(), Hunks.hunk(pickled(Tuple.pair(1L, 2L)), false));
        int second = goodHunk().length;
        data[second + 1] = 1; // claims compression, holds a raw pickle
        DataException e = failure(TaskIo.chainReader(), data, data.length);
        assertTrue(e.detail().startsWith("Corrupted data between bytes " + (second + 14) + "-" + data.length
                + ": Error -3 while decompressing data"), e.detail());
    }

    @Test
    void badPickleOpcodeNamesUrlAndOffsets() throws IOException {
        byte[] data = Hunks.hunk(new byte[] {'(', 0x01, 't', '.'}, false);
        DataException e = failure(TaskIo.chainReader(), data, data.length);
        assertTrue(e.detail().startsWith("Corrupted data between bytes 14-18: unsupported pickle content: opcode 0x01"),
                e.detail());
    }

    @Test
    void ignoreCorruptSkipsAndCountsABadHunk() throws IOException {
        skipsAndCountsABadHunk(TaskIo.discoInputStream(true));
    }

    @Test
    void readAheadSkipsAndCountsABadHunkToo() throws IOException {
        skipsAndCountsABadHunk(TaskIo.discoInputStream(DiscoInputOptions.defaults().withIgnoreCorrupt(true)
                .withReadAhead(true)));
    }

    @Test
    void readAheadReportsACrcMismatchLikeTheInlineReader() throws IOException {
        byte[] data = Hunks.concat(goodHunk(), goodHunk());
        data[data.length / 2 + 2] ^= 1;
        ReaderStage<Object> stage = TaskIo.discoInputStream(DiscoInputOptions.defaults().withReadAhead(true));
        DataException e = failure(stage, data, data.length);
        assertEquals("Corrupted data between bytes " + (data.length / 2 + 14) + "-" + data.length
                + ": Checksum does not match", e.detail());
    }

    private void skipsAndCountsABadHunk(ReaderStage<Object> stage) throws IOException {
        byte[] bad = Hunks.hunk(pickled(Tuple.pair(2L, 2L)), true);
        bad[3] ^= 0x40;
        byte[] data = Hunks.concat(goodHunk(), bad, Hunks.hunk(pickled(Tuple.pair(3L, 3L)), true));
        List<Object> out = new ArrayList<>();
        long skipped;
        try (RecordReader<Object> r = stage.open(new InputLink(new ByteArrayInputStream(data), data.length, URL), ctx)) {
            while (r.advance()) {
                out.add(r.current());
            }
            skipped = ((SkipCounting) r).skipped();
        }
        assertEquals(List.of(Tuple.pair(Bytes.utf8("k"), 1L), Tuple.pair(3L, 3L)), out);
        assertEquals(1, skipped);
        assertEquals(1, ctx.messages.size());
        assertTrue(ctx.messages.get(0).contains("Checksum does not match"), ctx.messages.get(0));
    }

    @Test
    void ignoreCorruptCountsATruncatedLastHunkAndStops() throws IOException {
        byte[] good = goodHunk();
        byte[] data = Hunks.concat(good, Arrays.copyOf(good, good.length - 1));
        assertEquals(1, read(TaskIo.discoInputStream(true), data, data.length).size());
        assertEquals(1, ctx.messages.size());
    }

    @Test
    void aHunkLargerThanTheBoundFailsBeforeReadingIt() throws IOException {
        byte[] data = goodHunk();
        DataException e = failure(TaskIo.discoInputStream(DiscoInputOptions.defaults().withMaxHunkBytes(8)), data, data.length);
        assertTrue(e.detail().contains("more than the limit of 8"), e.detail());
    }

    @Test
    void aFailedReaderFailsAgainOnTheNextAdvance() throws IOException {
        byte[] data = goodHunk();
        data[2] ^= 1;
        try (RecordReader<Object> r = TaskIo.chainReader().open(new InputLink(new ByteArrayInputStream(data),
                data.length, URL), ctx)) {
            DataException first = assertThrows(DataException.class, r::advance);
            assertEquals(first, assertThrows(DataException.class, r::advance));
        }
    }

    @Test
    void closingAReadAheadReaderStopsItsThread() throws IOException, InterruptedException {
        byte[] one = Vectors.bytes("internal_py2_multihunk.bin");
        byte[] data = Hunks.concat(one, one, one, one);
        ReaderStage<Object> stage = TaskIo.discoInputStream(DiscoInputOptions.defaults().withReadAhead(true));
        try (RecordReader<Object> r = stage.open(new InputLink(new ByteArrayInputStream(data), data.length, URL), ctx)) {
            assertTrue(r.advance());
        }
        ReadAheadThreads.awaitNone(URL, Duration.ofSeconds(5));
    }

    @Test
    void concatenatedFilesReadAsOneStream() throws IOException {
        byte[] one = Vectors.bytes("internal_py2_default.bin");
        List<Object> records = read(TaskIo.chainReader(), Hunks.concat(one, one), -1);
        List<Object> expected = new ArrayList<>(Vectors.records("internal_py2.json"));
        expected.addAll(Vectors.records("internal_py2.json"));
        assertEquals(expected, records);
    }

    @Test
    void netstringWithABadLengthNamesUrlAndOffset() {
        byte[] data = "5 apple 1 1\n6x banana".getBytes(StandardCharsets.US_ASCII);
        DataException e = failure(TaskIo.oldNetstrReader(), data, data.length);
        assertEquals("Corrupted input: Could not parse a value length at 12 bytes.", e.detail());
    }

    @Test
    void netstringWithATruncatedValueNamesUrlAndOffset() {
        byte[] data = "5 apple 10 12".getBytes(StandardCharsets.US_ASCII);
        DataException e = failure(TaskIo.oldNetstrReader(), data, 100);
        assertTrue(e.detail().startsWith("Truncated input: Expected a value of 11 bytes"), e.detail());
    }

    @Test
    void gzipStreamCutShortRaisesInsteadOfStopping() throws IOException {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(z)) {
            for (int i = 0; i < 2000; i++) {
                g.write(("line " + i + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
        byte[] cut = Arrays.copyOf(z.toByteArray(), z.size() / 2);
        DataException e = failure(TaskIo.gzipLineReader(), cut, cut.length);
        assertTrue(e.detail().startsWith("Corrupt gzip data near compressed byte"), e.detail());
    }

    @Test
    void regexInputShorterThanItsDeclaredSizeFails() {
        byte[] data = "a\nb\n".getBytes(StandardCharsets.US_ASCII);
        DataException e = failure(TaskIo.reReader("(.*?)\n", false, 1024), data, 100);
        assertEquals("Truncated input: Expected 100 bytes, got 4", e.detail());
    }
}
