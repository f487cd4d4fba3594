package io.jdisco.worker.classic.internal.sort;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte array to encode into and read back in place: {@link java.io.ByteArrayOutputStream}
 * without its locks and without the copy of {@code toByteArray()}. Not thread-safe.
 */
public final class ScratchBuffer extends OutputStream {
    private byte[] data;
    private int length;

    public ScratchBuffer(int capacity) {
        data = new byte[Math.max(16, capacity)];
    }

    @Override
    public void write(int b) {
        if (length == data.length) {
            grow(1);
        }
        data[length++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (len > data.length - length) {
            grow(len);
        }
        System.arraycopy(b, off, data, length, len);
        length += len;
    }

    private void grow(int more) {
        long wanted = Math.max((long) data.length * 2, (long) length + more);
        if (wanted > Integer.MAX_VALUE - 16) {
            throw new OutOfMemoryError("a sort entry larger than 2 GiB");
        }
        data = Arrays.copyOf(data, (int) wanted);
    }

    /** Forgets the bytes written; keeps the capacity. */
    public void reset() {
        length = 0;
    }

    /** The backing array: its first {@link #length()} bytes are the ones written. */
    public byte[] array() {
        return data;
    }

    /** The number of bytes written since the last reset. */
    public int length() {
        return length;
    }

    /** A copy of the bytes written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(data, length);
    }
}
