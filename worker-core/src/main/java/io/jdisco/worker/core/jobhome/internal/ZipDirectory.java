package io.jdisco.worker.core.jobhome.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The central directory of a zip archive held in memory, and the data of its entries: what a job
 * home extraction needs, read with the JDK alone (Commons Compress loads over a hundred classes
 * at every job start for this). The layout, all integers little-endian:
 *
 * <pre>
 * end record     50 4b 05 06 | disk u16 | cd disk u16 | entries here u16 | entries u16
 *                | cd size u32 | cd offset u32 | comment len u16 | comment
 * central entry  50 4b 01 02 | made by u16 (host &lt;&lt; 8) | need u16 | flags u16 | method u16
 *                | time u16 | date u16 | crc32 u32 | csize u32 | usize u32 | name len u16
 *                | extra len u16 | comment len u16 | disk u16 | int attr u16 | ext attr u32
 *                | local header offset u32 | name | extra | comment
 * local header   50 4b 03 04 | need u16 | flags u16 | method u16 | time u16 | date u16
 *                | crc32 u32 | csize u32 | usize u32 | name len u16 | extra len u16 | name
 *                | extra | data
 * </pre>
 *
 * Sizes and CRC come from the central directory (a local header may defer them to a data
 * descriptor, flag bit 3). ZIP64 archives (a {@code 0xFFFF}/{@code 0xFFFFFFFF} field standing for
 * a ZIP64 record) are refused: the master's zip reader does not take them either.
 */
public final class ZipDirectory {
    private static final int END_SIGNATURE = 0x06054b50;
    private static final int CENTRAL_SIGNATURE = 0x02014b50;
    private static final int LOCAL_SIGNATURE = 0x04034b50;
    private static final int END_SIZE = 22;
    private static final int CENTRAL_SIZE = 46;
    private static final int LOCAL_SIZE = 30;
    private static final int HOST_UNIX = 3;
    /** The most bytes handed to the output at once. */
    private static final int PIECE = 64 * 1024;

    /** One entry of the central directory. */
    public record Entry(byte[] rawName, int madeBy, int flags, int method, long crc,
            long compressedSize, long size, long externalAttributes, long localHeaderOffset) {
        /** True when the entry is encrypted (flag bit 0). */
        public boolean encrypted() {
            return (flags & 1) != 0;
        }

        /** True when a Unix host wrote the entry with the mode of a symbolic link. */
        public boolean unixSymlink() {
            return (madeBy >> 8) == HOST_UNIX && ((externalAttributes >>> 16) & 0170000) == 0120000;
        }
    }

    private final ByteBuffer zip;
    private final List<Entry> entries;

    private ZipDirectory(ByteBuffer zip, List<Entry> entries) {
        this.zip = zip;
        this.entries = entries;
    }

    /**
     * Reads the central directory of {@code zip}.
     *
     * @throws IOException naming the offset when the bytes are not a complete zip archive
     */
    public static ZipDirectory read(byte[] zip) throws IOException {
        Objects.requireNonNull(zip, "zip");
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = endRecord(b);
        int count = u16(b, end + 10);
        long size = u32(b, end + 12);
        long offset = u32(b, end + 16);
        if (count == 0xFFFF || size == 0xFFFF_FFFFL || offset == 0xFFFF_FFFFL) {
            throw new IOException("ZIP64 archives are not supported (end record at byte " + end + ")");
        }
        if (offset + size > end) {
            throw new IOException("the central directory (" + size + " bytes at byte " + offset
                    + ") runs past the end record at byte " + end);
        }
        List<Entry> entries = new ArrayList<>(count);
        int at = (int) offset;
        for (int i = 0; i < count; i++) {
            if (at + CENTRAL_SIZE > end || b.getInt(at) != CENTRAL_SIGNATURE) {
                throw new IOException("central directory entry " + i + " of " + count
                        + " is missing at byte " + at);
            }
            int nameLength = u16(b, at + 28);
            int next = at + CENTRAL_SIZE + nameLength + u16(b, at + 30) + u16(b, at + 32);
            if (next > end) {
                throw new IOException("central directory entry " + i + " at byte " + at
                        + " runs past the end record");
            }
            byte[] name = new byte[nameLength];
            b.get(at + CENTRAL_SIZE, name);
            Entry entry = new Entry(name, u16(b, at + 4), u16(b, at + 8), u16(b, at + 10),
                    u32(b, at + 16), u32(b, at + 20), u32(b, at + 24), u32(b, at + 38),
                    u32(b, at + 42));
            if (entry.compressedSize() == 0xFFFF_FFFFL || entry.size() == 0xFFFF_FFFFL
                    || entry.localHeaderOffset() == 0xFFFF_FFFFL) {
                throw new IOException("ZIP64 entries are not supported (central directory entry at byte "
                        + at + ")");
            }
            entries.add(entry);
            at = next;
        }
        return new ZipDirectory(b, List.copyOf(entries));
    }

    /** The entries in central directory order. */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * Streams the uncompressed data of {@code entry} (STORED or DEFLATED) to {@code out} in
     * pieces of at most 64 KiB, and checks that it is exactly the size the directory claims; the
     * caller checks the CRC. Nothing is allocated from a claimed size: an entry that claims
     * gigabytes costs one buffer, and {@code out} may stop it at any piece by throwing.
     *
     * @throws IOException naming the offset when the data is cut short, does not inflate, or
     *     holds more or fewer bytes than claimed
     */
    public void copy(Entry entry, OutputStream out) throws IOException {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(out, "out");
        long local = entry.localHeaderOffset();
        if (local + LOCAL_SIZE > zip.limit() || zip.getInt((int) local) != LOCAL_SIGNATURE) {
            throw new IOException("no local header at byte " + local);
        }
        long start = local + LOCAL_SIZE + u16(zip, (int) local + 26) + u16(zip, (int) local + 28);
        if (start + entry.compressedSize() > zip.limit()) {
            throw new IOException("the entry's " + entry.compressedSize() + " bytes of data at byte "
                    + start + " run past the end of the archive");
        }
        if (entry.method() == 0) {
            if (entry.compressedSize() != entry.size()) {
                throw new IOException("a STORED entry at byte " + start + " has compressed size "
                        + entry.compressedSize() + " but size " + entry.size());
            }
            for (long at = start, left = entry.size(); left > 0; ) {
                int n = (int) Math.min(left, PIECE);
                out.write(zip.array(), (int) at, n);
                at += n;
                left -= n;
            }
            return;
        }
        if (entry.method() != 8) {
            throw new IOException("compression method " + entry.method() + " at byte " + local
                    + " is neither STORED (0) nor DEFLATED (8)");
        }
        inflate(entry, start, out);
    }

    /**
     * Inflates the deflated data at {@code start}: one piece too many, or the stream ending early,
     * is an error, found without trusting the claimed size for anything but the comparison.
     */
    private void inflate(Entry entry, long start, OutputStream out) throws IOException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(zip.array(), (int) start, (int) entry.compressedSize());
            byte[] piece = new byte[(int) Math.min(PIECE, Math.max(entry.size() + 1, 1))];
            long n = 0;
            while (!inflater.finished()) {
                int got = inflater.inflate(piece);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
                if (n > entry.size()) {
                    throw new IOException("the deflated data at byte " + start + " holds more than the "
                            + entry.size() + " bytes the directory says");
                }
                out.write(piece, 0, got);
            }
            if (n != entry.size()) {
                throw new IOException("the deflated data at byte " + start + " holds " + n
                        + " bytes, the directory says " + entry.size());
            }
        } catch (DataFormatException e) {
            throw new IOException("bad deflate data at byte " + start + ": " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /** The offset of the end record: the last signature whose comment ends the archive. */
    private static int endRecord(ByteBuffer b) throws IOException {
        int last = b.limit() - END_SIZE;
        for (int at = last; at >= 0 && at >= last - 0xFFFF; at--) {
            if (b.getInt(at) == END_SIGNATURE && at + END_SIZE + u16(b, at + 20) == b.limit()) {
                return at;
            }
        }
        throw new IOException("not a zip archive: no end of central directory record in its "
                + b.limit() + " bytes");
    }

    private static int u16(ByteBuffer b, int at) {
        return Short.toUnsignedInt(b.getShort(at));
    }

    private static long u32(ByteBuffer b, int at) {
        return Integer.toUnsignedLong(b.getInt(at));
    }
}
