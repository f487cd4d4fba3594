package io.jdisco.worker.core.jobhome.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ZipDirectoryTest {
    private static final byte[] TEXT = "the quick brown fox jumps over the lazy dog\n".repeat(50)
            .getBytes(StandardCharsets.UTF_8);

    /** An archive of the JDK's own writer: DEFLATED entries with data descriptors, and a comment. */
    private static byte[] jdkZip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setComment("a comment after the end record");
            zip.putNextEntry(new ZipEntry("dir/"));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("dir/text.txt"));
            zip.write(TEXT);
            zip.closeEntry();
            ZipEntry stored = new ZipEntry("stored.bin");
            stored.setMethod(ZipEntry.STORED);
            stored.setSize(3);
            CRC32 crc = new CRC32();
            crc.update(new byte[] {1, 2, 3});
            stored.setCrc(crc.getValue());
            zip.putNextEntry(stored);
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void readsTheEntriesAndDataOfAnotherWritersArchive() throws IOException {
        ZipDirectory zip = ZipDirectory.read(jdkZip());
        List<ZipDirectory.Entry> entries = zip.entries();
        assertEquals(List.of("dir/", "dir/text.txt", "stored.bin"), entries.stream()
                .map(e -> new String(e.rawName(), StandardCharsets.UTF_8)).toList());
        assertEquals(8, entries.get(1).method());
        assertArrayEquals(TEXT, data(zip, entries.get(1)));
        assertArrayEquals(new byte[] {1, 2, 3}, data(zip, entries.get(2)));
        CRC32 crc = new CRC32();
        crc.update(TEXT);
        assertEquals(crc.getValue(), entries.get(1).crc());
    }

    @Test
    void readsOurOwnWritersModes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ZipBytesWriter writer = new ZipBytesWriter(bytes);
        writer.addFile("bin/worker", "#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII), 0755);
        writer.finish();
        ZipDirectory.Entry entry = ZipDirectory.read(bytes.toByteArray()).entries().get(0);
        assertEquals(0100755, entry.externalAttributes() >>> 16);
        assertFalse(entry.unixSymlink());
        assertFalse(entry.encrypted());
    }

    @Test
    void aTruncatedArchiveIsNotAZip() throws IOException {
        byte[] zip = jdkZip();
        IOException e = assertThrows(IOException.class,
                () -> ZipDirectory.read(Arrays.copyOf(zip, zip.length - 40)));
        assertTrue(e.getMessage().contains("no end of central directory record"), e.getMessage());
    }

    @Test
    void anEntryCountOfZip64IsRefused() throws IOException {
        byte[] zip = oneFile();
        int end = zip.length - 22;
        zip[end + 10] = (byte) 0xFF;
        zip[end + 11] = (byte) 0xFF;
        IOException e = assertThrows(IOException.class, () -> ZipDirectory.read(zip));
        assertTrue(e.getMessage().contains("ZIP64"), e.getMessage());
    }

    @Test
    void badDeflateDataNamesItsOffset() throws IOException {
        byte[] zip = jdkZip();
        ZipDirectory directory = ZipDirectory.read(zip);
        ZipDirectory.Entry text = directory.entries().get(1);
        int data = (int) text.localHeaderOffset() + 30 + "dir/text.txt".length();
        Arrays.fill(zip, data, data + 8, (byte) 0xFF);
        IOException e = assertThrows(IOException.class, () -> data(ZipDirectory.read(zip), text));
        assertTrue(e.getMessage().contains("at byte " + data), e.getMessage());
    }

    @Test
    void dataPastTheEndOfTheArchiveIsAnError() throws IOException {
        byte[] zip = oneFile();
        ZipDirectory.Entry entry = ZipDirectory.read(zip).entries().get(0);
        ZipDirectory.Entry tooLong = new ZipDirectory.Entry(entry.rawName(), entry.madeBy(), entry.flags(),
                entry.method(), entry.crc(), 1 << 20, 1 << 20, entry.externalAttributes(),
                entry.localHeaderOffset());
        IOException e = assertThrows(IOException.class, () -> data(ZipDirectory.read(zip), tooLong));
        assertTrue(e.getMessage().contains("run past the end"), e.getMessage());
    }

    @Test
    void aClaimedSizeLargerThanTheDataIsAnErrorWithoutAllocatingIt() throws IOException {
        byte[] zip = jdkZip();
        ZipDirectory.Entry text = ZipDirectory.read(zip).entries().get(1);
        ZipDirectory.Entry claimsTwoGb = new ZipDirectory.Entry(text.rawName(), text.madeBy(), text.flags(),
                text.method(), text.crc(), text.compressedSize(), Integer.MAX_VALUE, text.externalAttributes(),
                text.localHeaderOffset());
        IOException e = assertThrows(IOException.class, () -> data(ZipDirectory.read(zip), claimsTwoGb));
        assertTrue(e.getMessage().contains("holds " + TEXT.length + " bytes, the directory says "
                + Integer.MAX_VALUE), e.getMessage());
    }

    @Test
    void deflatedDataLongerThanClaimedStopsAtTheFirstPieceTooMany() throws IOException {
        byte[] zip = jdkZip();
        ZipDirectory.Entry text = ZipDirectory.read(zip).entries().get(1);
        ZipDirectory.Entry claimsTen = new ZipDirectory.Entry(text.rawName(), text.madeBy(), text.flags(),
                text.method(), text.crc(), text.compressedSize(), 10, text.externalAttributes(),
                text.localHeaderOffset());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IOException e = assertThrows(IOException.class, () -> ZipDirectory.read(zip).copy(claimsTen, out));
        assertTrue(e.getMessage().contains("holds more than the 10 bytes"), e.getMessage());
        assertTrue(out.size() <= 10, "wrote " + out.size() + " bytes");
    }

    private static byte[] data(ZipDirectory zip, ZipDirectory.Entry entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        zip.copy(entry, out);
        return out.toByteArray();
    }

    /** A one-file archive of {@link ZipBytesWriter}. */
    private static byte[] oneFile() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ZipBytesWriter writer = new ZipBytesWriter(bytes);
        writer.addFile("w", "w".getBytes(StandardCharsets.US_ASCII), 0644);
        writer.finish();
        return bytes.toByteArray();
    }
}
