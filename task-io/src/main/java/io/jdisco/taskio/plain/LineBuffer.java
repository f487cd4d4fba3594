package io.jdisco.taskio.plain;

import io.jdisco.worker.Bytes;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Text lines packed into a 64 KiB buffer of its own and written to a stream a buffer at a time,
 * for the sort's reduce output and its client's merge (a million lines of two fields each in the
 * 100 MB sort): not field by field through a synchronized {@code BufferedOutputStream}. A field
 * longer than the buffer is written as it is. Not thread-safe.
 */
public final class LineBuffer {
    /** The buffer's size. */
    public static final int SIZE = 1 << 16;

    private final OutputStream out;
    private final byte[] buffer = new byte[SIZE];
    private int used;

    /** Lines for {@code out}; {@link #drain} writes what is buffered. */
    public LineBuffer(OutputStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Appends the bytes of {@code field} to the current line. */
    public void put(Bytes field) throws IOException {
        int n = field.length();
        if (n > SIZE - used) {
            drain();
            if (n > SIZE) {
                field.writeTo(out);
                return;
            }
        }
        field.copyTo(buffer, used);
        used += n;
    }

    /** Appends {@code length} bytes of {@code bytes} from {@code offset} to the current line. */
    public void put(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length > SIZE - used) {
            drain();
            if (length > SIZE) {
                out.write(bytes, offset, length);
                return;
            }
        }
        System.arraycopy(bytes, offset, buffer, used, length);
        used += length;
    }

    /** Appends one byte ({@code '\t'} between fields, say) to the current line. */
    public void putByte(int b) throws IOException {
        if (used == SIZE) {
            drain();
        }
        buffer[used++] = (byte) b;
    }

    /**
     * Appends {@code value} in decimal ASCII, as {@link Long#toString(long)} spells it, without
     * making a string: a word count prints a count on each of its lines.
     */
    public void putLong(long value) throws IOException {
        if (SIZE - used < 20) {
            drain();
        }
        if (value < 0) {
            buffer[used++] = '-';
        }
        // digits taken from the remainder's magnitude, so Long.MIN_VALUE needs no negation
        int first = used;
        long v = value;
        do {
            buffer[used++] = (byte) ('0' + Math.abs(v % 10));
            v /= 10;
        } while (v != 0);
        for (int i = first, j = used - 1; i < j; i++, j--) {
            byte t = buffer[i];
            buffer[i] = buffer[j];
            buffer[j] = t;
        }
    }

    /** Ends the current line with {@code \n}. */
    public void endLine() throws IOException {
        if (used == SIZE) {
            drain();
        }
        buffer[used++] = '\n';
    }

    /** Writes what is buffered to the stream (without flushing it). */
    public void drain() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
    }
}
