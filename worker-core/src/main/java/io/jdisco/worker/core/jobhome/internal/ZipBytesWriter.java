package io.jdisco.worker.core.jobhome.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a plain ZIP archive that OTP's {@code zip} module (the master's {@code discozip}) can
 * extract, byte for byte the same for the same entries (SPEC §3.7).
 *
 * <p>We write the format ourselves rather than through {@code ZipOutputStream}: the JDK and
 * Commons Compress both derive the DOS time stamp from the default time zone and may add extra
 * fields or data descriptors. Here every entry gets the same fixed time stamp and no extras:
 *
 * <pre>
 * local header   50 4b 03 04 | need 20 | flags | method | time | date | crc32 | csize | usize
 *                | name len | extra len 0 | name | data
 * central entry  50 4b 01 02 | made by 3 (Unix) &lt;&lt; 8 | 20 | need 20 | flags | method | time
 *                | date | crc32 | csize | usize | name len | 0 | 0 | disk 0 | int attr 0
 *                | ext attr (unix mode &lt;&lt; 16, | 0x10 for directories) | local header offset | name
 * end record     50 4b 05 06 | disk 0 | disk 0 | entries | entries | cd size | cd offset | 0
 * </pre>
 *
 * All integers are little-endian. Methods are STORED (0) or DEFLATED (8, raw deflate); a file is
 * stored when deflating does not make it smaller, and a file that is itself a zip archive (a jar:
 * it starts with a local header, {@code PK\3\4}) is stored without trying, since its entries are
 * compressed already: deflating the jdisco runtime jar again takes a few hundred milliseconds per
 * job for a tenth of its size. Flag bit 11 marks UTF-8 names that are not
 * ASCII. No ZIP64: more than 65535 entries or 4 GiB refuse with an {@link IOException}.
 */
public final class ZipBytesWriter {
    /** DOS date of 1980-01-01 (the earliest DOS date): year 0, month 1, day 1. */
    private static final int DOS_DATE = (0 << 9) | (1 << 5) | 1;
    /** DOS time 00:00:00. */
    private static final int DOS_TIME = 0;
    private static final int VERSION = 20;
    private static final int MADE_BY_UNIX = (3 << 8) | VERSION;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;
    private static final int FLAG_UTF8 = 1 << 11;
    private static final long MAX_U32 = 0xFFFF_FFFFL;

    private final OutputStream out;
    private final List<byte[]> central = new ArrayList<>();
    private long offset;

    /** A writer appending the archive to {@code out}; call {@link #finish()} at the end. */
    public ZipBytesWriter(OutputStream out) {
        this.out = out;
    }

    /** Adds a directory entry; {@code name} ends in {@code /}. */
    public void addDirectory(String name, int unixMode) throws IOException {
        write(name, new byte[0], new byte[0], STORED, 0, 0040000 | unixMode, true);
    }

    /** Adds a file entry with {@code data}: stored if it is a zip archive, else deflated when that makes it smaller. */
    public void addFile(String name, byte[] data, int unixMode) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(data);
        byte[] deflated = isZipArchive(data) ? data : deflate(data);
        boolean store = deflated.length >= data.length;
        write(name, data, store ? data : deflated, store ? STORED : DEFLATED, crc.getValue(),
                0100000 | unixMode, false);
    }

    private void write(String name, byte[] data, byte[] stored, int method, long crc, int mode,
            boolean directory) throws IOException {
        if (central.size() == 0xFFFF) {
            throw new IOException("a job home zip holds at most 65535 entries (no ZIP64); '"
                    + name + "' is one too many");
        }
        if (data.length > MAX_U32 - 1 || offset + stored.length > MAX_U32 - 1) {
            throw new IOException("entry '" + name + "' would make the job home zip larger than"
                    + " 4 GiB, which needs ZIP64 (not readable by the master)");
        }
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        int flags = isAscii(name) ? 0 : FLAG_UTF8;

        ByteBuffer local = le(30 + nameBytes.length);
        local.putInt(0x04034b50).putShort((short) VERSION).putShort((short) flags)
                .putShort((short) method).putShort((short) DOS_TIME).putShort((short) DOS_DATE)
                .putInt((int) crc).putInt(stored.length).putInt(data.length)
                .putShort((short) nameBytes.length).putShort((short) 0).put(nameBytes);
        out.write(local.array());
        out.write(stored);

        ByteBuffer entry = le(46 + nameBytes.length);
        entry.putInt(0x02014b50).putShort((short) MADE_BY_UNIX).putShort((short) VERSION)
                .putShort((short) flags).putShort((short) method).putShort((short) DOS_TIME)
                .putShort((short) DOS_DATE).putInt((int) crc).putInt(stored.length)
                .putInt(data.length).putShort((short) nameBytes.length).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0)
                .putInt((mode << 16) | (directory ? 0x10 : 0)).putInt((int) offset).put(nameBytes);
        central.add(entry.array());
        offset += local.capacity() + stored.length;
    }

    /** Writes the central directory and the end record; the archive is then complete. */
    public void finish() throws IOException {
        long size = 0;
        for (byte[] entry : central) {
            out.write(entry);
            size += entry.length;
        }
        if (offset + size > MAX_U32 - 1) {
            throw new IOException("the job home zip would be larger than 4 GiB, which needs ZIP64");
        }
        ByteBuffer end = le(22);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                .putShort((short) central.size()).putShort((short) central.size())
                .putInt((int) size).putInt((int) offset).putShort((short) 0);
        out.write(end.array());
        out.flush();
    }

    /** True when {@code data} starts with a zip local file header, as every jar does. */
    static boolean isZipArchive(byte[] data) {
        return data.length >= 4 && data[0] == 'P' && data[1] == 'K' && data[2] == 3 && data[3] == 4;
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream buf = new ByteArrayOutputStream(Math.max(64, data.length / 2));
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                int n = deflater.deflate(chunk);
                buf.write(chunk, 0, n);
            }
            return buf.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
