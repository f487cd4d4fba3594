package io.jdisco.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.testing.Fixture;
import io.jdisco.local.testing.TestPacks;
import io.jdisco.worker.DiscoNames;
import io.jdisco.worker.JobException;
import io.jdisco.worker.core.jobhome.ExtractionLimits;
import io.jdisco.worker.core.jobpack.JobPack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** A job home past the master's unpacking limits fails its job, naming the entry; the master goes on. */
class JobHomeLimitsTest {
    /** A job home of a shell worker and {@code zeros} bytes of zeros, deflated to a few KiB. */
    private static byte[] bombHome(int zeros) throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("bin/worker"));
            out.write("#!/bin/sh\nexit 1\n".getBytes(StandardCharsets.US_ASCII));
            out.putNextEntry(new ZipEntry("data/zeros"));
            out.write(new byte[zeros]);
        }
        return zip.toByteArray();
    }

    @Test
    void aJobHomeInflatingPastTheLimitsFailsItsJobNamingTheEntry() throws Exception {
        try (Fixture f = new Fixture(Fixture.config().jobHomeLimits(ExtractionLimits.of(64L << 20, 200)).build())) {
            byte[] home = bombHome(16 << 20);
            byte[] pack = new JobPack(JobPack.VERSION1,
                    TestPacks.classic("Bomb", List.of("raw://a"), true, false, 1), Map.of(), home, new byte[0]).encode();
            assertTrue(pack.length < 64 * 1024, "a small pack: " + pack.length + " bytes");
            String job = f.disco.submit(pack);
            JobException e = assertThrows(JobException.class, () -> f.await(job));
            assertTrue(e.getMessage().contains("Jobpack extraction failed"), e.getMessage());
            assertTrue(f.events(job).stream().anyMatch(m -> m.contains("Jobpack extraction failed")
                    && m.contains("'data/zeros'") && m.contains("more than 200 times")), String.join("\n", f.events(job)));
            assertFalse(Files.exists(f.master.discoData().resolve(f.master.host()).resolve(DiscoNames.hexhash(job))
                    .resolve(job).resolve("data/zeros")), "the cut-off entry is removed");

            String next = f.disco.submit(TestPacks.wordPack(JobPack.VERSION1,
                    TestPacks.classic("After", List.of("raw://a,b,a"), true, false, 1), Map.of()));
            assertEquals(Map.of("a", 2L, "b", 1L), f.counts(f.await(next)));
        }
    }

    @Test
    void theTotalLimitIsTheMastersSetting() throws Exception {
        try (Fixture f = new Fixture(Fixture.config().jobHomeLimits(ExtractionLimits.of(1L << 20, 5000)).build())) {
            byte[] pack = new JobPack(JobPack.VERSION1,
                    TestPacks.classic("Big", List.of("raw://a"), true, false, 1), Map.of(), bombHome(2 << 20),
                    new byte[0]).encode();
            String job = f.disco.submit(pack);
            assertThrows(JobException.class, () -> f.await(job));
            assertTrue(f.events(job).stream().anyMatch(m -> m.contains("'data/zeros'")
                    && m.contains("more than 1048576 bytes")), String.join("\n", f.events(job)));
        }
    }
}
