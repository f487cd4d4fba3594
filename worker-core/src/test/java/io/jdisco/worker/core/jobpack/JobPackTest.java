package io.jdisco.worker.core.jobpack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.core.json.PythonJson;
import io.jdisco.worker.core.testing.Vectors;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The job packs made by Python's {@code JobPack.dumps()} decode and re-encode byte for byte. */
class JobPackTest {
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cases() throws Exception {
        return (List<Map<String, Object>>) ((Map<String, Object>) Vectors.json("jobpack_py2.json")).get("cases");
    }

    private static byte[] hex(Object s) {
        return HexFormat.of().parseHex((String) s);
    }

    @Test
    void everyVectorDecodesToTheSideFileValues() throws Exception {
        for (Map<String, Object> c : cases()) {
            JobPack pack = JobPack.decode(Vectors.bytes((String) c.get("file")));
            assertEquals(((Number) c.get("version")).intValue(), pack.version(), (String) c.get("file"));
            assertEquals(c.get("jobdict"), pack.jobdict());
            assertEquals(c.get("jobdict_key_order"), new ArrayList<>(pack.jobdict().keySet()));
            assertEquals(c.get("jobenvs"), pack.jobenvs());
            assertEquals(c.get("jobenvs_key_order"), new ArrayList<>(pack.jobenvs().keySet()));
            assertArrayEquals(hex(c.get("jobhome_hex")), pack.jobhome());
            assertArrayEquals(hex(c.get("jobdata_hex")), pack.jobdata());
        }
    }

    @Test
    void decodedPacksReEncodeByteForByte() throws Exception {
        for (Map<String, Object> c : cases()) {
            byte[] bin = Vectors.bytes((String) c.get("file"));
            assertArrayEquals(bin, JobPack.decode(bin).encode(), (String) c.get("file"));
        }
    }

    @Test
    void packsBuiltFromSideFileSectionsMatchTheVectors() throws Exception {
        PythonJson dumps = PythonJson.dumps();
        for (Map<String, Object> c : cases()) {
            Map<String, Object> dict = new LinkedHashMap<>();
            for (Object k : (List<?>) c.get("jobdict_key_order")) {
                dict.put((String) k, ((Map<?, ?>) c.get("jobdict")).get(k));
            }
            assertEquals(c.get("jobdict_json_bytes"), dumps.write(dict));
            byte[] home = hex(c.get("jobhome_hex"));
            if (c.get("jobhome_file") != null) {
                assertArrayEquals(Vectors.bytes((String) c.get("jobhome_file")), home);
            }
            byte[] built = JobPack.assemble(((Number) c.get("version")).intValue(),
                    ((String) c.get("jobdict_json_bytes")).getBytes(StandardCharsets.UTF_8),
                    ((String) c.get("jobenvs_json_bytes")).getBytes(StandardCharsets.UTF_8), home,
                    hex(c.get("jobdata_hex")));
            assertArrayEquals(Vectors.bytes((String) c.get("file")), built);
        }
    }

    @Test
    void badMagicIsNamed() throws Exception {
        byte[] bin = Vectors.bytes("jobpack_v1_classic.bin");
        bin[0] = 0x12;
        InvalidJobPackException e = assertThrows(InvalidJobPackException.class, () -> JobPack.decode(bin));
        assertTrue(e.getMessage().contains("bad magic 0x12c0"), e.getMessage());
    }

    @Test
    void offsetsOutOfOrderAreNamed() throws Exception {
        byte[] bin = Vectors.bytes("jobpack_v1_classic.bin");
        ByteBuffer.wrap(bin).putInt(12, 300); // jobhome before jobenvs (484)
        InvalidJobPackException e = assertThrows(InvalidJobPackException.class, () -> JobPack.decode(bin));
        assertTrue(e.getMessage().contains("offsets out of order"), e.getMessage());
        assertTrue(e.getMessage().contains("jobhome 300"), e.getMessage());
    }

    @Test
    void jobdictOffsetOtherThan128IsRejected() throws Exception {
        byte[] bin = Vectors.bytes("jobpack_v1_classic.bin");
        ByteBuffer.wrap(bin).putInt(4, 129);
        assertThrows(InvalidJobPackException.class, () -> JobPack.decode(bin));
    }

    @Test
    void dataOffsetBeyondTheEndIsRejected() throws Exception {
        byte[] bin = Vectors.bytes("jobpack_v1_classic.bin");
        ByteBuffer.wrap(bin).putInt(16, bin.length + 1);
        InvalidJobPackException e = assertThrows(InvalidJobPackException.class, () -> JobPack.decode(bin));
        assertTrue(e.getMessage().contains("beyond the end"), e.getMessage());
    }

    @Test
    void nonJsonJobdictNamesTheSection() {
        byte[] bin = JobPack.assemble(1, "{not json".getBytes(StandardCharsets.US_ASCII), "{}".getBytes(
                StandardCharsets.US_ASCII), new byte[0], new byte[0]);
        InvalidJobPackException e = assertThrows(InvalidJobPackException.class, () -> JobPack.decode(bin));
        assertTrue(e.getMessage().startsWith("jobdict (bytes 128..137) is not JSON"), e.getMessage());
    }

    @Test
    void jsonArrayJobenvsIsNotAnObject() {
        byte[] bin = JobPack.assemble(1, "{}".getBytes(StandardCharsets.US_ASCII), "[]".getBytes(
                StandardCharsets.US_ASCII), new byte[0], new byte[0]);
        InvalidJobPackException e = assertThrows(InvalidJobPackException.class, () -> JobPack.decode(bin));
        assertTrue(e.getMessage().contains("jobenvs (bytes 130..132) is not a JSON object"), e.getMessage());
    }

    @Test
    void vectorPacksWithFullJobdictsValidate() throws Exception {
        JobPack.decode(Vectors.bytes("jobpack_v1_classic.bin")).validate();
        JobPack.decode(Vectors.bytes("jobpack_v2_pipeline.bin")).validate();
    }

    @Test
    void missingKeyIsNamed() throws Exception {
        InvalidJobPackException e = assertThrows(InvalidJobPackException.class,
                () -> JobPack.decode(Vectors.bytes("jobpack_v1_empty_sections.bin")).validate());
        assertEquals("jobpack missing key 'prefix'", e.getMessage());
    }

    private static JobPack classicWith(String key, Object value) throws Exception {
        JobPack p = JobPack.decode(Vectors.bytes("jobpack_v1_classic.bin"));
        Map<String, Object> dict = new LinkedHashMap<>(p.jobdict());
        dict.put(key, value);
        return new JobPack(p.version(), dict, p.jobenvs(), p.jobhome(), p.jobdata());
    }

    @Test
    void prefixWithDotIsInvalid() throws Exception {
        InvalidJobPackException e = assertThrows(InvalidJobPackException.class,
                () -> classicWith("prefix", "my.job").validate());
        assertTrue(e.getMessage().startsWith("invalid prefix 'my.job'"), e.getMessage());
    }

    @Test
    void saveResultsMustBeBoolean() throws Exception {
        InvalidJobPackException e = assertThrows(InvalidJobPackException.class,
                () -> classicWith("save_results", "yes").validate());
        assertTrue(e.getMessage().contains("'save_results'"), e.getMessage());
    }

    @Test
    void jobenvsValuesMustBeStrings() throws Exception {
        JobPack p = JobPack.decode(Vectors.bytes("jobpack_v1_classic.bin"));
        JobPack bad = new JobPack(1, p.jobdict(), Map.of("N", 1), p.jobhome(), p.jobdata());
        InvalidJobPackException e = assertThrows(InvalidJobPackException.class, bad::validate);
        assertTrue(e.getMessage().contains("jobenvs value of 'N'"), e.getMessage());
    }

    @Test
    void pipelineStageWithUnknownGroupingIsNamed() throws Exception {
        JobPack p = JobPack.decode(Vectors.bytes("jobpack_v2_pipeline.bin"));
        Map<String, Object> dict = new LinkedHashMap<>(p.jobdict());
        dict.put("pipeline", List.of(List.of("map", "split", false), List.of("reduce", "group_some", true)));
        InvalidJobPackException e = assertThrows(InvalidJobPackException.class,
                () -> new JobPack(2, dict, p.jobenvs(), p.jobhome(), p.jobdata()).validate());
        assertTrue(e.getMessage().contains("stage 1: unknown grouping 'group_some'"), e.getMessage());
    }

    @Test
    void pipelineInputWithFlatUrlsIsInvalid() throws Exception {
        JobPack p = JobPack.decode(Vectors.bytes("jobpack_v2_pipeline.bin"));
        Map<String, Object> dict = new LinkedHashMap<>(p.jobdict());
        dict.put("inputs", List.of(List.of(0, 0, "raw://one")));
        InvalidJobPackException e = assertThrows(InvalidJobPackException.class,
                () -> new JobPack(2, dict, p.jobenvs(), p.jobhome(), p.jobdata()).validate());
        assertTrue(e.getMessage().startsWith("invalid job input 0"), e.getMessage());
    }

    @Test
    void jobdataIsReadFromAJobFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("jobfile");
        java.nio.file.Files.write(file, Vectors.bytes("jobpack_v1_classic.bin"));
        assertArrayEquals(HexFormat.of().parseHex("0001026a6f6264617461ff"), JobPack.readJobdata(file));
    }
}
