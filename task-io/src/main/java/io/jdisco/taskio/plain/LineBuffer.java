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
