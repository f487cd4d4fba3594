package io.jdisco.worker.core.jobhome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A master unpacks strangers' archives: claimed sizes, real inflation and totals are bounded. */
class JobHomeExtractorLimitsTest {
    @TempDir
    Path tmp;

    /** A zip of {@code name → data} pairs, deflated by the JDK. */
    private static byte[] zip(Object... namesAndData) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(buf)) {
            for (int i = 0; i < namesAndData.length; i += 2) {
                out.putNextEntry(new ZipEntry((String) namesAndData[i]));
                out.write((byte[]) namesAndData[i + 1]);
                out.closeEntry();
            }
        }
        return buf.toByteArray();
    }

    /** Sets the uncompressed size of every central directory entry to {@code size}. */
    private static void claimSize(byte[] zip, long size) {
        for (int i = 0; i + 28 <= zip.length; i++) {
            if (zip[i] == 0x50 && zip[i + 1] == 0x4b && zip[i + 2] == 0x01 && zip[i + 3] == 0x02) {
                for (int k = 0; k < 4; k++) {
                    zip[i + 24 + k] = (byte) (size >>> (8 * k));
                }
            }
        }
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    @Test
    void aTinyArchiveClaimingTwoGigabytesFailsWithoutAllocatingThem() throws IOException {
        byte[] zip = zip("w", "#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII));
        claimSize(zip, 0x7FFF_FFF0L);
        assertTrue(zip.length < 1024, "a small archive: " + zip.length + " bytes");
        Path home = tmp.resolve("home");
        long before = allocatedByThisThread();
        IOException e = assertThrows(IOException.class, () -> new JobHomeExtractor("w").extract(zip, home));
        long allocated = allocatedByThisThread() - before;
        assertTrue(allocated < 32L << 20, "allocated " + allocated + " bytes");
        assertTrue(e.getMessage().contains("'w'") && e.getMessage().contains("the directory says 2147483632"),
                e.getMessage());
        assertFalse(Files.exists(home.resolve("w")));
        assertFalse(JobHomeExtractor.isExtracted(home));
    }

    @Test
    void anEntryInflatingPastTheRatioLimitStopsNamingIt() throws IOException {
        byte[] zip = zip("w", new byte[] {'w'}, "data/zeros", new byte[8 << 20]);
        Path home = tmp.resolve("home");
        JobHomeException e = assertThrows(JobHomeException.class,
                () -> new JobHomeExtractor("w", ExtractionLimits.of(1L << 30, 200)).extract(zip, home));
        assertEquals("data/zeros", e.entry());
        assertTrue(e.getMessage().contains("more than 200 times"), e.getMessage());
        assertFalse(Files.exists(home.resolve("data/zeros")), "the cut-off file is removed");
        assertFalse(JobHomeExtractor.isExtracted(home));
    }

    @Test
    void theSameEntryUnpacksUnderAHigherRatioLimit() throws IOException {
        byte[] zip = zip("w", new byte[] {'w'}, "data/zeros", new byte[8 << 20]);
        Path home = tmp.resolve("home");
        new JobHomeExtractor("w", ExtractionLimits.of(1L << 30, 5000)).extract(zip, home);
        assertEquals(8 << 20, Files.size(home.resolve("data/zeros")));
        assertTrue(JobHomeExtractor.isExtracted(home));
    }

    @Test
    void aJobHomePastTheTotalLimitStopsAtTheEntryThatCrossesIt() throws IOException {
        byte[] noise = new byte[3 << 20];
        new Random(7).nextBytes(noise);
        byte[] zip = zip("w", new byte[] {'w'}, "lib/a.bin", noise, "lib/b.bin", noise);
        Path home = tmp.resolve("home");
        JobHomeException e = assertThrows(JobHomeException.class,
                () -> new JobHomeExtractor("w", ExtractionLimits.of(4L << 20, 200)).extract(zip, home));
        assertEquals("lib/b.bin", e.entry());
        assertTrue(e.getMessage().contains("more than 4194304 bytes"), e.getMessage());
        assertFalse(Files.exists(home.resolve("lib/b.bin")));
        assertFalse(JobHomeExtractor.isExtracted(home));
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> ExtractionLimits.of(0, 10));
        assertThrows(IllegalArgumentException.class, () -> ExtractionLimits.of(10, 0));
    }
}
