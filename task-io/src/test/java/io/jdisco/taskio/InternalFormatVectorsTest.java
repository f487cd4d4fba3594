package io.jdisco.taskio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.io.RecordReader;
import io.jdisco.worker.io.RecordWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads and writes Disco's internal format exactly as the real Disco 0.5.4 (testdata/vectors §2). */
class InternalFormatVectorsTest {
    @TempDir
    Path dir;

    private final TestContext ctx = new TestContext();

    static List<Object> readAll(String url, TestContext ctx) throws IOException {
        List<Object> out = new ArrayList<>();
        try (RecordReader<Object> r = TaskIo.chainStream().open(url, ctx)) {
            while (r.advance()) {
                out.add(r.current());
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"internal_py2_default.bin", "internal_py2_uncompressed.bin",
        "internal_py2_multihunk.bin", "internal_py2_multihunk_uncompressed.bin"})
    void readsPython2FilesToTheListedRecords(String file) throws IOException {
        assertEquals(Vectors.records("internal_py2.json"), readAll(Vectors.path(file).toString(), ctx));
    }

    @ParameterizedTest
    @ValueSource(strings = {"internal_py3_default.bin", "internal_py3_uncompressed.bin",
        "internal_py3_multihunk.bin", "internal_py3_multihunk_uncompressed.bin"})
    void readsPython3FilesToTheListedRecords(String file) throws IOException {
        assertEquals(Vectors.records("internal_py3.json"), readAll(Vectors.path(file).toString(), ctx));
    }

    @ParameterizedTest
    @CsvSource({"internal_py2_multihunk.bin,ON", "internal_py3_multihunk_uncompressed.bin,ON",
        "internal_py2_v0_text.bin,ON", "internal_py2_multihunk.bin,AUTO",
        "internal_py3_multihunk_uncompressed.bin,AUTO", "internal_py2_v0_text.bin,AUTO"})
    void readAheadReadsTheSameRecordsAsTheInlineReader(String file, DiscoInputOptions.ReadAhead readAhead)
            throws IOException {
        String url = Vectors.path(file).toString();
        List<Object> inline = readAll(url, DiscoInputOptions.defaults().withReadAhead(DiscoInputOptions.ReadAhead.OFF));
        assertEquals(inline, readAll(url, DiscoInputOptions.defaults().withReadAhead(readAhead)));
    }

    private List<Object> readAll(String url, DiscoInputOptions options) throws IOException {
        InputChain<Object> chain = InputChain.of(List.of(TaskIo.taskInputStream()), TaskIo.discoInputStream(options));
        List<Object> out = new ArrayList<>();
        try (RecordReader<Object> r = chain.open(url, ctx)) {
            while (r.advance()) {
                out.add(r.current());
            }
        }
        return out;
    }

    @Test
    void readsTheOldTextFormatThroughChainReader() throws IOException {
        List<Object> expected = new ArrayList<>();
        for (Tuple t : Vectors.records("internal_py2.json")) {
            if (!(t.value() instanceof java.math.BigInteger)) {
                expected.add(Tuple.pair(Bytes.of(pyStr(t.key())), Bytes.of(pyStr(t.value()))));
            }
        }
        assertEquals(expected, readAll(Vectors.path("internal_py2_v0_text.bin").toString(), ctx));
    }

    @Test
    void writesTheUncompressedPython2FileByteForByte() throws IOException {
        byte[] ours = write(DiscoOutputOptions.defaults().withCompressionLevel(0));
        assertArrayEquals(Vectors.bytes("internal_py2_uncompressed.bin"), ours);
    }

    @Test
    void writesTheUncompressedMultiHunkPython2FileByteForByte() throws IOException {
        byte[] ours = write(DiscoOutputOptions.defaults().withCompressionLevel(0).withMinHunkSize(100));
        assertArrayEquals(Vectors.bytes("internal_py2_multihunk_uncompressed.bin"), ours);
    }

    @ParameterizedTest
    @ValueSource(strings = {"internal_py2_default.bin", "internal_py2_multihunk.bin"})
    void writesCompressedHunksWithThePython2PayloadsAndHeaders(String file) throws IOException {
        DiscoOutputOptions options = DiscoOutputOptions.defaults();
        if (file.contains("multihunk")) {
            options = options.withMinHunkSize(100);
        }
        List<Hunks.Hunk> ours = Hunks.parse(write(options));
        JsonNode expected = null;
        for (JsonNode f : Vectors.json("internal_py2.json").get("files")) {
            if (f.get("file").asText().equals(file)) {
                expected = f.get("hunks");
            }
        }
        assertEquals(expected.size(), ours.size());
        for (int i = 0; i < ours.size(); i++) {
            JsonNode h = expected.get(i);
            Hunks.Hunk o = ours.get(i);
            assertEquals(h.get("version_byte").asInt(), o.marker, "marker of hunk " + i);
            assertEquals(h.get("compressed").asInt(), o.compressed, "flag of hunk " + i);
            assertEquals(h.get("crc32_of_uncompressed").asLong(), o.crc, "crc of hunk " + i);
            assertArrayEquals(Vectors.hex(h.get("uncompressed_hex").asText()), o.payload, "payload of hunk " + i);
            assertEquals(0x78, o.stored[0] & 0xFF, "zlib header of hunk " + i);
            assertEquals(0x5e, o.stored[1] & 0xFF, "level-2 zlib header of hunk " + i);
        }
    }

    @Test
    void writesTheOldTextFormatByteForByte() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordWriter w = TaskIo.plainOutputStream().open(new io.jdisco.worker.io.OutputLink(out, "mem"), ctx)) {
            for (Tuple t : Vectors.records("internal_py2.json")) {
                if (!(t.value() instanceof java.math.BigInteger)) {
                    w.add(t.key(), t.value());
                }
            }
        }
        assertArrayEquals(Vectors.bytes("internal_py2_v0_text.bin"), out.toByteArray());
    }

    @Test
    void writtenFilesReadBackThroughAnAtomicOutputChain() throws IOException {
        Path target = dir.resolve("out/part-0");
        try (RecordWriter w = TaskIo.taskOutput().open(target.toString(), ctx)) {
            for (Tuple t : Vectors.records("internal_py3.json")) {
                w.add(t.key(), t.value());
            }
        }
        assertEquals(Vectors.records("internal_py3.json"), readAll(target.toString(), ctx));
    }

    private byte[] write(DiscoOutputOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordWriter w = TaskIo.discoOutputStream(options).open(new io.jdisco.worker.io.OutputLink(out, "mem"), ctx)) {
            for (Tuple t : Vectors.records("internal_py2.json")) {
                w.add(t.key(), t.value());
            }
        }
        return out.toByteArray();
    }

    private static byte[] pyStr(Object o) {
        return o instanceof Bytes ? ((Bytes) o).toByteArray() : o.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static Path writeFile(Path dir, String name, byte[] data) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, data);
        return p;
    }
}
