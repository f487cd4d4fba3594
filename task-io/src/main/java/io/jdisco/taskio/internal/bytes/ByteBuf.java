package io.jdisco.taskio.internal.bytes;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte array used as an output stream, without the locking of
 * {@link java.io.ByteArrayOutputStream}: the buffer of one hunk or one encoded record.
 */
public final class ByteBuf extends OutputStream {
    private byte[] buf;
    private int size;

    /** An empty buffer with room for {@code capacity} bytes. */
    public ByteBuf(int capacity) {
        this.buf = new byte[Math.max(16, capacity)];
    }

    /** Makes room for {@code n} more bytes. */
    public void ensure(int n) {
        int need = size + n;
        if (need < 0) {
            throw new IllegalStateException("buffer larger than 2 GiB");
        }
        if (need > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(need, (int) Math.min(Integer.MAX_VALUE - 8, buf.length * 2L)));
        }
    }

    @Override
    public void write(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    /** Appends one byte; the caller has called {@link #ensure}. */
    public void put(int b) {
        buf[size++] = (byte) b;
    }

    /** Appends a little-endian 32-bit integer; the caller has called {@link #ensure}. */
    public void putIntLe(int v) {
        buf[size] = (byte) v;
        buf[size + 1] = (byte) (v >>> 8);
        buf[size + 2] = (byte) (v >>> 16);
        buf[size + 3] = (byte) (v >>> 24);
        size += 4;
    }

    /** Overwrites 4 bytes at {@code index} (below {@link #size()}) with a little-endian integer. */
    public void setIntLe(int index, int v) {
        buf[index] = (byte) v;
        buf[index + 1] = (byte) (v >>> 8);
        buf[index + 2] = (byte) (v >>> 16);
        buf[index + 3] = (byte) (v >>> 24);
    }

    /** The backing array; valid up to {@link #size()} until the next write. */
    public byte[] array() {
        return buf;
    }

    /** The number of bytes written. */
    public int size() {
        return size;
    }

    /** Forgets the bytes from {@code newSize} on. */
    public void truncate(int newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IllegalArgumentException("bad size " + newSize + " for a buffer of " + size);
        }
        size = newSize;
    }

    /** Counts {@code n} bytes the caller wrote straight into {@link #array()} after {@link #size()}. */
    public void advance(int n) {
        if (n < 0 || size + n > buf.length) {
            throw new IllegalArgumentException("cannot advance by " + n);
        }
        size += n;
    }

    /** Forgets all bytes, keeping the capacity. */
    public void reset() {
        size = 0;
    }

    /** A copy of the bytes written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
