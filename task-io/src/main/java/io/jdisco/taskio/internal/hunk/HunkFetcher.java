package io.jdisco.taskio.internal.hunk;

import io.jdisco.taskio.internal.bytes.InputCursor;
import io.jdisco.worker.DataException;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads hunks of the internal format (SPEC §7.4) one after another: parses the header, reads
 * the stored payload, inflates it, checks the CRC.
 *
 * <pre>
 * offset 0  u8      marker 0x80 + version (0x81)
 *        1  u8      1 = payload is a zlib stream, 0 = raw
 *        2  u32 LE  CRC-32 of the uncompressed payload
 *        6  u64 LE  stored payload length (0 = end of data)
 *       14  ...     payload
 * </pre>
 *
 * Payloads land in a buffer the caller supplies, so a read-ahead thread can fill one buffer while
 * records are decoded from another. Buffers grow only as bytes actually arrive, up to the bound.
 */
final class HunkFetcher {
    private static final int HEADER = 14;

    private final InputCursor in;
    private final int maxHunkBytes;
    private final int codecVersion;
    private final String codecName;
    private final Inflater inflater = new Inflater();
    private final CRC32 crc = new CRC32();
    private final byte[] header = new byte[HEADER - 1];
    private byte[] stored = new byte[0];
    /** Out-values of {@link #readPayload} and {@link #inflate}. */
    private int payloadRead;
    private int inflated;

    HunkFetcher(InputCursor in, int maxHunkBytes, int codecVersion, String codecName) {
        this.in = in;
        this.maxHunkBytes = maxHunkBytes;
        this.codecVersion = codecVersion;
        this.codecName = codecName;
    }

    InputCursor input() {
        return in;
    }

    /** Reads the next hunk into {@code target} (or a grown copy, returned in the hunk). */
    Hunk next(byte[] target) {
        try {
            return read(target);
        } catch (DataException | RuntimeException e) {
            return Hunk.fatal(target, e);
        }
    }

    private Hunk read(byte[] target) throws DataException {
        long hunkAt = in.offset();
        if (in.fill() == 0) {
            return Hunk.end(target);
        }
        int marker = in.buffer()[in.position()] & 0xFF;
        if (marker < 0x80) {
            return Hunk.oldFormat(target, hunkAt);
        }
        in.skip(1);
        if (in.readFully(header, 0, header.length) < header.length) {
            return Hunk.truncated(target, "Truncated data at " + hunkAt + " bytes");
        }
        int version = marker & 0x7F;
        if (codecVersion != 1 && version != codecVersion) {
            throw new DataException("Hunk at byte " + hunkAt + " has format version " + version
                    + " but codec " + codecName + " reads version " + codecVersion, in.url());
        }
        boolean compressed = header[0] != 0;
        int checksum = intLe(header, 1);
        long storedLength = intLe(header, 5) & 0xFFFFFFFFL | (long) intLe(header, 9) << 32;
        if (storedLength == 0) {
            return Hunk.end(target);
        }
        if (storedLength < 0 || storedLength > maxHunkBytes) {
            throw new DataException("Hunk at byte " + hunkAt + " declares " + Long.toUnsignedString(storedLength)
                    + " payload bytes, more than the limit of " + maxHunkBytes, in.url());
        }
        long start = hunkAt + HEADER;
        long end = start + storedLength;
        int n = (int) storedLength;
        byte[] plain = target;
        int got;
        if (compressed) {
            stored = readPayload(stored, n);
            got = payloadRead;
        } else {
            plain = readPayload(target, n);
            got = payloadRead;
        }
        if (got < n) {
            return Hunk.truncated(plain, "Truncated data between bytes " + start + "-" + end + ": expected " + n
                    + " payload bytes, got " + got);
        }
        int length = n;
        try {
            if (compressed) {
                plain = inflate(n, plain);
                length = inflated;
            }
            crc.reset();
            crc.update(plain, 0, length);
            if ((int) crc.getValue() != checksum) {
                throw new DataException("Checksum does not match", in.url());
            }
        } catch (DataException e) {
            return Hunk.corrupt(plain, start, end, e);
        }
        return Hunk.data(plain, length, hunkAt, start, end);
    }

    /** Reads {@code n} bytes into {@code buf} (grown as bytes arrive); sets {@link #payloadRead}. */
    private byte[] readPayload(byte[] buf, int n) throws DataException {
        int got = 0;
        while (got < n) {
            int want = Math.min(n, Math.max(64 * 1024, got * 2));
            if (buf.length < want) {
                buf = Arrays.copyOf(buf, want);
            }
            int k = in.readFully(buf, got, want - got);
            got += k;
            if (got < want) {
                break;
            }
        }
        payloadRead = got;
        return buf;
    }

    /** Inflates {@code stored[0..n)} into {@code out} (grown up to the bound); sets {@link #inflated}. */
    private byte[] inflate(int n, byte[] out) throws DataException {
        if (out.length == 0) {
            out = new byte[Math.min(maxHunkBytes, Math.max(64 * 1024, n * 4))];
        }
        inflater.reset();
        inflater.setInput(stored, 0, n);
        int len = 0;
        try {
            while (!inflater.finished()) {
                if (len == out.length) {
                    if (len >= maxHunkBytes) {
                        throw new DataException("hunk inflates to more than the limit of " + maxHunkBytes + " bytes",
                                in.url());
                    }
                    out = Arrays.copyOf(out, (int) Math.min(maxHunkBytes, out.length * 2L));
                }
                int r = inflater.inflate(out, len, out.length - len);
                len += r;
                if (r == 0 && !inflater.finished() && len < out.length
                        && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataException("Error -5 while decompressing data: incomplete or truncated stream",
                            in.url());
                }
            }
        } catch (DataFormatException e) {
            throw new DataException("Error -3 while decompressing data: " + e.getMessage(), in.url(), e);
        }
        inflated = len;
        return out;
    }

    /** Frees the inflater; the fetcher is unusable afterwards. */
    void end() {
        inflater.end();
    }

    private static int intLe(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | b[p + 3] << 24;
    }
}
