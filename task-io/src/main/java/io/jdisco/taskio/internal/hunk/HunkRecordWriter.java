package io.jdisco.taskio.internal.hunk;

import io.jdisco.taskio.RecordCodec;
import io.jdisco.taskio.internal.bytes.ByteBuf;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.io.RecordWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes Disco's internal format, version 1 ({@code DiscoOutputStream_v1}, SPEC §7.4): records
 * are encoded into a hunk buffer; once it holds more than {@code minHunkSize} bytes it is written
 * as one hunk ({@code 0x80+version, compressed, crc32 LE, u64 LE length, payload}). {@link #close()}
 * writes what is left and then one more hunk from an empty buffer — with compression a 22-byte
 * terminator that lets files be concatenated. With stored hunks ({@code compressedEnd} at level 0)
 * the records are stored and the end is that same compressed empty hunk:
 *
 * <pre>
 *   81 00 crc32 len  payload...          record hunks, stored
 *   81 01 00000000 0800000000000000 785e030000000001    end: zlib level 2 of nothing
 * </pre>
 */
public final class HunkRecordWriter implements RecordWriter {
    private final OutputStream out;
    private final int level;
    private final int minHunkSize;
    private final int maxRecordSize;
    private final int marker;
    private final RecordCodec.Encoder encoder;
    // Both start small and double as records come: a small task's output (a map of 4 KB of text
    // writes two of them) allocated 128 KiB per writer before.
    private final ByteBuf hunk = new ByteBuf(4 * 1024);
    private final ByteBuf compressed = new ByteBuf(4 * 1024);
    private final byte[] header = new byte[14];
    private final CRC32 crc = new CRC32();
    private final Deflater deflater;
    private final boolean compressedEnd;
    private boolean closed;

    /** The payload of the compressed empty hunk: {@code zlib.compress(b'', 2)}. */
    private static final byte[] EMPTY_LEVEL2 = {0x78, 0x5e, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01};

    /**
     * A writer onto {@code out}; {@code level} 0 stores hunks uncompressed, {@code maxRecordSize}
     * 0 means no limit.
     */
    public HunkRecordWriter(OutputStream out, int level, int minHunkSize, int maxRecordSize, RecordCodec codec) {
        this(out, level, false, minHunkSize, maxRecordSize, codec);
    }

    /**
     * A writer onto {@code out}; with {@code compressedEnd} at level 0 the records are stored and
     * the stream ends in the compressed empty hunk, so that it stays concatenable.
     */
    public HunkRecordWriter(OutputStream out, int level, boolean compressedEnd, int minHunkSize, int maxRecordSize,
            RecordCodec codec) {
        this.compressedEnd = compressedEnd && level == 0;
        this.out = out;
        this.level = level;
        this.minHunkSize = minHunkSize;
        this.maxRecordSize = maxRecordSize;
        this.marker = 0x80 + codec.formatVersion();
        this.encoder = codec.newEncoder();
        this.deflater = level > 0 ? new Deflater(level) : null;
    }

    @Override
    public void add(Object key, Object value) throws IOException {
        append(Tuple.pair(key, value));
    }

    /** Writes one record of any encodable shape (the DDFS chunker writes lines, not pairs). */
    public void append(Object record) throws IOException {
        if (closed) {
            throw new IllegalStateException("writer is closed");
        }
        int before = hunk.size();
        encoder.encode(record, hunk);
        int n = hunk.size() - before;
        if (maxRecordSize > 0 && n > maxRecordSize) {
            hunk.truncate(before);
            throw new IllegalArgumentException("Record of size " + n + " is larger than max_record_size: "
                    + maxRecordSize);
        }
        if (hunk.size() > minHunkSize) {
            writeHunk();
        }
    }

    private void writeHunk() throws IOException {
        crc.reset();
        crc.update(hunk.array(), 0, hunk.size());
        byte[] payload = hunk.array();
        int length = hunk.size();
        if (deflater != null) {
            deflater.reset();
            deflater.setInput(hunk.array(), 0, hunk.size());
            deflater.finish();
            compressed.reset();
            // zlib's deflateBound: stored blocks never grow data by more than ~0.1 % + a header,
            // so one call usually suffices.
            compressed.ensure(hunk.size() + (hunk.size() >> 9) + 64);
            while (!deflater.finished()) {
                compressed.ensure(4096);
                int k = deflater.deflate(compressed.array(), compressed.size(),
                        compressed.array().length - compressed.size());
                compressed.advance(k);
            }
            payload = compressed.array();
            length = compressed.size();
        }
        int sum = (int) crc.getValue();
        header[0] = (byte) marker;
        header[1] = (byte) (deflater != null ? 1 : 0);
        putIntLe(header, 2, sum);
        putIntLe(header, 6, length);
        putIntLe(header, 10, 0);
        out.write(header);
        out.write(payload, 0, length);
        hunk.reset();
    }

    /**
     * Writes the last records and the terminator hunk, then closes the stream. If writing fails
     * the stream is left open, so that an atomic file under it is not published half-written.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (hunk.size() > 0) {
                writeHunk();
            }
            if (compressedEnd) {
                writeCompressedEmptyHunk();
            } else {
                writeHunk();
            }
            out.flush();
        } finally {
            if (deflater != null) {
                deflater.end();
            }
        }
        out.close();
    }

    private void writeCompressedEmptyHunk() throws IOException {
        header[0] = (byte) marker;
        header[1] = 1;
        putIntLe(header, 2, 0);
        putIntLe(header, 6, EMPTY_LEVEL2.length);
        putIntLe(header, 10, 0);
        out.write(header);
        out.write(EMPTY_LEVEL2);
    }

    private static void putIntLe(byte[] b, int p, int v) {
        b[p] = (byte) v;
        b[p + 1] = (byte) (v >>> 8);
        b[p + 2] = (byte) (v >>> 16);
        b[p + 3] = (byte) (v >>> 24);
    }

    @Override
    public String toString() {
        return "DiscoOutputStream[" + (compressedEnd ? "stored hunks" : "level " + level) + ", min hunk "
                + minHunkSize + "]";
    }
}
