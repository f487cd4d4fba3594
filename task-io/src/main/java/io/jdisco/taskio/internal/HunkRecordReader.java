package io.jdisco.taskio.internal;

import io.jdisco.taskio.RecordCodec;
import io.jdisco.taskio.SkipCounting;
import io.jdisco.worker.DataException;
import io.jdisco.worker.io.RecordReader;
import java.io.IOException;
import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads Disco's internal format, version 1 (SPEC §7.4): a sequence of hunks, each
 *
 * <pre>
 * offset 0  u8      marker 0x80 + version (0x81)
 *        1  u8      1 = payload is a zlib stream, 0 = raw
 *        2  u32 LE  CRC-32 of the uncompressed payload
 *        6  u64 LE  stored payload length (0 = end of data)
 *       14  ...     payload: records, one after another, each decoded by the codec
 * </pre>
 *
 * A first byte below 0x80 at a hunk boundary means the old text format (§7.6) follows. Offsets in
 * messages are absolute byte offsets in the input (Python counts payload bytes only).
 */
public final class HunkRecordReader implements RecordReader<Object>, SkipCounting {
    private static final int HEADER = 14;

    private final InputCursor in;
    private final long size;
    private final boolean ignoreCorrupt;
    private final int maxHunkBytes;
    private final RecordCodec codec;
    private final RecordCodec.Decoder decoder;
    private final Consumer<String> messages;
    private final Inflater inflater = new Inflater();
    private final CRC32 crc = new CRC32();
    private final byte[] header = new byte[HEADER - 1];

    private byte[] stored = new byte[0];
    private byte[] plain = new byte[0];
    private int pos;
    private int lim;
    private long payloadStart;
    private long payloadEnd;
    private RecordReader<?> oldFormat;
    private boolean done;
    private boolean hasCurrent;
    private Object current;
    private long skipped;

    /**
     * A reader over {@code in}; {@code size} is the input's length or -1, needed only by the old
     * format; {@code messages} receives a line for each skipped corrupt hunk.
     */
    public HunkRecordReader(InputCursor in, long size, boolean ignoreCorrupt, int maxHunkBytes,
            RecordCodec codec, Consumer<String> messages) {
        this.in = in;
        this.size = size;
        this.ignoreCorrupt = ignoreCorrupt;
        this.maxHunkBytes = maxHunkBytes;
        this.codec = codec;
        this.decoder = codec.newDecoder();
        this.messages = messages;
    }

    @Override
    public boolean advance() throws IOException {
        hasCurrent = false;
        while (true) {
            if (oldFormat != null) {
                if (oldFormat.advance()) {
                    current = oldFormat.current();
                    hasCurrent = true;
                    return true;
                }
                return false;
            }
            if (pos < lim) {
                int start = pos;
                try {
                    current = decoder.decode(plain, pos, lim);
                    pos = decoder.end();
                    hasCurrent = true;
                    return true;
                } catch (DataException e) {
                    pos = lim;
                    corrupt(e.detail() + " (record at payload byte " + start + ")", e);
                    continue;
                }
            }
            if (done || !nextHunk()) {
                done = true;
                return false;
            }
        }
    }

    @Override
    public Object current() {
        if (!hasCurrent) {
            throw new NoSuchElementException("no current record: call advance() first");
        }
        return current;
    }

    @Override
    public long skipped() {
        return skipped;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }

    /** Reads the next hunk into {@code plain}; false at the end of the data. */
    private boolean nextHunk() throws IOException {
        long hunkAt = in.offset();
        if (in.fill() == 0) {
            return false;
        }
        int marker = in.buffer()[in.position()] & 0xFF;
        if (marker < 0x80) {
            oldFormat = new OldNetstrRecordReader(in, size < 0 ? -1 : Math.max(0, size - hunkAt), maxHunkBytes);
            return true;
        }
        in.skip(1);
        if (in.readFully(header, 0, header.length) < header.length) {
            return truncated("Truncated data at " + hunkAt + " bytes");
        }
        int version = marker & 0x7F;
        if (codec.formatVersion() != 1 && version != codec.formatVersion()) {
            throw new DataException("Hunk at byte " + hunkAt + " has format version " + version
                    + " but codec " + codec + " reads version " + codec.formatVersion(), in.url());
        }
        boolean compressed = header[0] != 0;
        int checksum = intLe(header, 1);
        long storedLength = intLe(header, 5) & 0xFFFFFFFFL | (long) intLe(header, 9) << 32;
        if (storedLength == 0) {
            return false;
        }
        if (storedLength < 0 || storedLength > maxHunkBytes) {
            throw new DataException("Hunk at byte " + hunkAt + " declares " + Long.toUnsignedString(storedLength)
                    + " payload bytes, more than the limit of " + maxHunkBytes, in.url());
        }
        payloadStart = hunkAt + HEADER;
        payloadEnd = payloadStart + storedLength;
        int n = (int) storedLength;
        int got = readPayload(n);
        if (got < n) {
            return truncated("Truncated data between bytes " + payloadStart + "-" + payloadEnd
                    + ": expected " + n + " payload bytes, got " + got);
        }
        pos = 0;
        lim = 0;
        try {
            if (compressed) {
                lim = inflate(n);
            } else {
                plain = stored;
                lim = n;
            }
            crc.reset();
            crc.update(plain, 0, lim);
            if ((int) crc.getValue() != checksum) {
                lim = 0;
                throw new DataException("Checksum does not match", in.url());
            }
        } catch (DataException e) {
            lim = 0;
            corrupt(e.detail(), e);
        }
        return true;
    }

    /** Reads the stored payload; the buffer grows only as bytes actually arrive. */
    private int readPayload(int n) throws DataException {
        int got = 0;
        while (got < n) {
            int want = Math.min(n, Math.max(64 * 1024, got * 2));
            if (stored.length < want) {
                stored = Arrays.copyOf(stored, want);
            }
            int k = in.readFully(stored, got, want - got);
            got += k;
            if (got < want) {
                break;
            }
        }
        return got;
    }

    private int inflate(int n) throws DataException {
        if (plain == stored || plain.length == 0) {
            plain = new byte[Math.min(maxHunkBytes, Math.max(64 * 1024, n * 4))];
        }
        inflater.reset();
        inflater.setInput(stored, 0, n);
        int len = 0;
        try {
            while (!inflater.finished()) {
                if (len == plain.length) {
                    if (len >= maxHunkBytes) {
                        throw new DataException("hunk inflates to more than the limit of " + maxHunkBytes
                                + " bytes", in.url());
                    }
                    plain = Arrays.copyOf(plain, (int) Math.min(maxHunkBytes, plain.length * 2L));
                }
                int r = inflater.inflate(plain, len, plain.length - len);
                len += r;
                if (r == 0 && !inflater.finished() && len < plain.length
                        && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataException("Error -5 while decompressing data: incomplete or truncated stream",
                            in.url());
                }
            }
        } catch (DataFormatException e) {
            throw new DataException("Error -3 while decompressing data: " + e.getMessage(), in.url(), e);
        }
        return len;
    }

    private boolean truncated(String detail) throws DataException {
        if (!ignoreCorrupt) {
            throw new DataException(detail, in.url());
        }
        skipped++;
        messages.accept("Skipped corrupt data in " + in.url() + ": " + detail);
        return false;
    }

    private void corrupt(String detail, DataException cause) throws DataException {
        String message = "Corrupted data between bytes " + payloadStart + "-" + payloadEnd + ": " + detail;
        if (!ignoreCorrupt) {
            throw new DataException(message, in.url(), cause);
        }
        skipped++;
        messages.accept("Skipped corrupt hunk of " + in.url() + ": " + message);
    }

    private static int intLe(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | b[p + 3] << 24;
    }
}
