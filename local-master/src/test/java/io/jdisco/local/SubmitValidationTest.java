package io.jdisco.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.testing.Fixture;
import io.jdisco.local.testing.TestPacks;
import io.jdisco.worker.DiscoException;
import io.jdisco.worker.JobException;
import io.jdisco.worker.core.jobpack.JobPack;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The master's job pack checks (SPEC §3.2) answered as {@code ["error", "Job failed to start: ..."]}. */
class SubmitValidationTest {
    private static Fixture f;

    @BeforeAll
    static void start() {
        f = new Fixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static String refusal(byte[] pack) {
        DiscoException e = assertThrows(DiscoException.class, () -> f.disco.submit(pack));
        assertTrue(e.getMessage().startsWith("Failed to submit jobpack: Job failed to start: "), e.getMessage());
        return e.getMessage();
    }

    private static byte[] v1(Map<String, Object> dict) {
        return new JobPack(JobPack.VERSION1, dict, Map.of(), TestPacks.home("#!/bin/sh\n"), new byte[0]).encode();
    }

    private static Map<String, Object> classic() {
        return TestPacks.classic("Valid", List.of("raw://a"), true, false, 1);
    }

    @Test
    void badMagicIsAnInvalidHeader() {
        assertTrue(refusal("not a job pack at all, just text".getBytes(StandardCharsets.US_ASCII))
                .contains("invalid header"));
    }

    @Test
    void sectionsOutOfOrderAreAnInvalidHeader() {
        byte[] pack = v1(classic());
        pack[8] = 0;
        pack[9] = 0;
        pack[10] = 0;
        pack[11] = 100; // jobenvs offset 100 < jobdict offset 128
        assertTrue(refusal(pack).contains("invalid header"));
    }

    @Test
    void missingRequiredKeyIsNamed() {
        Map<String, Object> d = classic();
        d.remove("input");
        assertTrue(refusal(v1(d)).contains("jobpack missing key 'input'"));
    }

    @Test
    void prefixWithSlashOrDotIsInvalid() {
        Map<String, Object> d = classic();
        d.put("prefix", "a.b");
        assertTrue(refusal(v1(d)).contains("invalid prefix"));
    }

    @Test
    void saveResultsMustBeABoolean() {
        Map<String, Object> d = classic();
        d.put("save_results", "yes");
        assertTrue(refusal(v1(d)).contains("save_results"));
    }

    @Test
    void saveInfoMustNameDdfsOrHdfs() {
        Map<String, Object> d = classic();
        d.put("save_info", "s3");
        assertTrue(refusal(v1(d)).contains("save_info"));
    }

    @Test
    void unsupportedVersionIsRefused() {
        byte[] pack = new JobPack(3, classic(), Map.of(), new byte[0], new byte[0]).encode();
        assertTrue(refusal(pack).contains("unsupported version"));
    }

    @Test
    void jobenvsValuesMustBeStrings() {
        byte[] pack = new JobPack(JobPack.VERSION1, classic(), Map.of("X", 1), new byte[0], new byte[0]).encode();
        assertTrue(refusal(pack).contains("jobenvs"));
    }

    @Test
    void repeatedPipelineStagesAreRefused() {
        Map<String, Object> d = TestPacks.pipeline("P", List.of(List.of("a", "split", false), List.of("a", "group_all", false)),
                List.of());
        byte[] pack = new JobPack(JobPack.VERSION2, d, Map.of(), new byte[0], new byte[0]).encode();
        assertTrue(refusal(pack).contains("repeated pipeline stage"));
    }

    @Test
    void pipelineInputsMustBeLabelSizeAndUrlList() {
        Map<String, Object> d = TestPacks.pipeline("P", List.of(List.of("a", "split", false)),
                List.of(List.of(0, 0, "raw://flat")));
        byte[] pack = new JobPack(JobPack.VERSION2, d, Map.of(), new byte[0], new byte[0]).encode();
        assertTrue(refusal(pack).contains("invalid job input"));
    }

    @Test
    void workerPathLeavingTheJobHomeIsRefused() {
        Map<String, Object> d = classic();
        d.put("worker", "../../bin/sh");
        assertTrue(refusal(v1(d)).contains("invalid worker"));
    }

    @Test
    void zipSlipJobHomeKillsTheJobAndWritesNothingOutside() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("bin/worker"));
            out.write("#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII));
            out.putNextEntry(new ZipEntry("../../../../escaped"));
            out.write(1);
        }
        Map<String, Object> d = new LinkedHashMap<>(classic());
        String job = f.disco.submit(new JobPack(JobPack.VERSION1, d, Map.of(), zip.toByteArray(), new byte[0]).encode());
        JobException e = assertThrows(JobException.class, () -> f.await(job));
        assertTrue(e.getMessage().contains("Jobpack extraction failed"), e.getMessage());
        assertFalse(Files.exists(f.master.dataRoot().resolve("escaped")));
        assertFalse(Files.exists(f.master.discoData().resolve("escaped")));
        assertEquals(0, f.disco.jobInfo(job).pipeline().get(0).done());
    }
}
