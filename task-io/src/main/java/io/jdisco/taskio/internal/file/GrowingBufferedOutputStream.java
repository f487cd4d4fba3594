package io.jdisco.taskio.internal.file;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * A buffered stream whose buffer starts small and doubles, when it would overflow, up to its
 * largest size; from then on it is written out when full, as {@link java.io.BufferedOutputStream}
 * does. A task's outputs are mostly small when its inputs are (a map over 4 KB of text), and a
 * fixed 64 KiB buffer per output was the largest allocation of such a task; a big output writes
 * as it did once the buffer has grown. A write at least as large as the largest size goes straight
 * to the stream.
 */
final class GrowingBufferedOutputStream extends OutputStream {
    private final OutputStream out;
    private final int max;
    private byte[] buf;
    private int count;

    /** A stream onto {@code out} with a buffer of {@code initial} bytes growing up to {@code max}. */
    GrowingBufferedOutputStream(OutputStream out, int initial, int max) {
        this.out = Objects.requireNonNull(out, "out");
        if (initial < 1 || max < initial) {
            throw new IllegalArgumentException("need 1 <= initial <= max, got " + initial + " and " + max);
        }
        this.max = max;
        this.buf = new byte[initial];
    }

    @Override
    public void write(int b) throws IOException {
        room(1);
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len >= max) {
            writeBuffer();
            out.write(b, off, len);
            return;
        }
        room(len);
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    @Override
    public void flush() throws IOException {
        writeBuffer();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try (out) {
            writeBuffer();
        }
    }

    /** Makes room for {@code len} (< max) bytes: by growing the buffer while it may, else by writing it out. */
    private void room(int len) throws IOException {
        if (len <= buf.length - count) {
            return;
        }
        if (buf.length < max) {
            buf = Arrays.copyOf(buf, Math.min(max, Math.max(buf.length * 2, count + len)));
            if (len <= buf.length - count) {
                return;
            }
        }
        writeBuffer();
    }

    private void writeBuffer() throws IOException {
        if (count > 0) {
            out.write(buf, 0, count);
            count = 0;
        }
    }
}
