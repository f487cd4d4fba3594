package io.jdisco.taskio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.DataException;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.io.InputStage;
import io.jdisco.worker.io.ReaderStage;
import io.jdisco.worker.io.RecordReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;

/** Line readers, gzip members, and detection of compressed input. */
class LineReadersTest {
    private final TestContext ctx = new TestContext();

    <R> List<R> read(List<InputStage> stages, ReaderStage<R> reader, byte[] data, String url) throws IOException {
        List<R> out = new ArrayList<>();
        InputLink start = new InputLink(new ByteArrayInputStream(data), data.length, url);
        try (RecordReader<R> r = InputChain.of(stages, reader).open(start, ctx)) {
            while (r.advance()) {
                out.add(r.current());
            }
        }
        return out;
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream g = new GZIPOutputStream(out)) {
            g.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void textLinesDropLineEndsIncludingCarriageReturn() throws IOException {
        assertEquals(List.of("a", "b", "", "c"), read(List.of(), TaskIo.lineReader(), bytes("a\r\nb\n\nc"), "t"));
    }

    @Test
    void malformedUtf8IsReportedWithUrlAndOffset() {
        byte[] data = {'o', 'k', '\n', 'x', 'y', (byte) 0xff, 'z', '\n'};
        DataException e = assertThrows(DataException.class, () -> read(List.of(), TaskIo.lineReader(), data, "u"));
        assertEquals("u", e.url());
        assertTrue(e.detail().startsWith("Malformed UTF-8 input at byte 5"), e.detail());
    }

    @Test
    void malformedUtf8CanBeReplaced() throws IOException {
        byte[] data = {'x', (byte) 0xff, '\n'};
        ReaderStage<String> lines = TaskIo.lineReader(StandardCharsets.UTF_8, MalformedInput.REPLACE, 100);
        assertEquals(List.of("x\ufffd"), read(List.of(), lines, data, "u"));
    }

    @Test
    void byteLinesAreLossless() throws IOException {
        byte[] data = {(byte) 0xff, 0, '\n', (byte) 0x80};
        assertEquals(List.of(Bytes.of(new byte[] {(byte) 0xff, 0}), Bytes.of(new byte[] {(byte) 0x80})),
                read(List.of(), TaskIo.byteLineReader(false, 100), data, "b"));
    }

    @Test
    void aLineLongerThanTheLimitFailsNamingItsOffset() {
        byte[] data = bytes("short\n" + "x".repeat(100_000) + "\n");
        DataException e = assertThrows(DataException.class,
                () -> read(List.of(), TaskIo.byteLineReader(true, 1000), data, "long"));
        assertEquals("Line at byte 6 is longer than the limit of 1000 bytes", e.detail());
    }

    @Test
    void linesSpanningBufferRefillsComeBackWhole() throws IOException {
        String big = "y".repeat(200_000);
        assertEquals(List.of("a", big, "b"), read(List.of(), TaskIo.lineReader(), bytes("a\n" + big + "\nb\n"), "t"));
    }

    @Test
    void gzipLineReaderReadsEveryMemberOfAConcatenatedFile() throws IOException {
        byte[] data = Hunks.concat(gzip("one\ntwo\n"), gzip("three\n"));
        assertEquals(List.of(Bytes.utf8("one\n"), Bytes.utf8("two\n"), Bytes.utf8("three\n")),
                read(List.of(), TaskIo.gzipLineReader(), data, "g.gz"));
    }

    @Test
    void gzipReaderFollowedByTheDefaultReaderYieldsLines() throws IOException {
        assertEquals(List.of(Bytes.utf8("a\n"), Bytes.utf8("b")),
                read(List.of(TaskIo.gzipReader()), TaskIo.byteLineReader(true, 100), gzip("a\nb"), "x"));
    }

    @Test
    void decompressDetectsGzipByMagicWhateverTheSuffix() throws IOException {
        assertEquals(List.of("hi"), read(List.of(TaskIo.decompress()), TaskIo.lineReader(), gzip("hi\n"), "data.txt"));
    }

    @Test
    void decompressDetectsBzip2ByMagic() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream b = new BZip2CompressorOutputStream(out)) {
            b.write(bytes("bz\nip\n"));
        }
        assertEquals(List.of("bz", "ip"), read(List.of(TaskIo.decompress()), TaskIo.lineReader(), out.toByteArray(), "x"));
    }

    @Test
    void decompressPassesPlainDataThrough() throws IOException {
        assertEquals(List.of("plain"), read(List.of(TaskIo.decompress()), TaskIo.lineReader(), bytes("plain\n"), "p"));
    }

    @Test
    void aGzipSuffixOnDataThatIsNotGzipFailsLoudly() {
        DataException e = assertThrows(DataException.class,
                () -> read(List.of(TaskIo.decompress()), TaskIo.lineReader(), bytes("not gzip\n"), "x.gz"));
        assertEquals("x.gz", e.url());
        assertTrue(e.detail().startsWith("Not a valid gzip stream"), e.detail());
    }

    @Test
    void xzInputWithoutTheXzLibraryFailsNamingTheLibrary() {
        byte[] xzMagic = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0, 0, 4};
        DataException e = assertThrows(DataException.class,
                () -> read(List.of(TaskIo.decompress()), TaskIo.lineReader(), xzMagic, "f"));
        assertTrue(e.detail().contains("org.tukaani:xz"), e.detail());
    }
}
