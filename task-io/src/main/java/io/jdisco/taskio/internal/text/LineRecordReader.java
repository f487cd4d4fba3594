package io.jdisco.taskio.internal.text;

import io.jdisco.taskio.internal.bytes.ByteBuf;
import io.jdisco.taskio.internal.bytes.InputCursor;
import io.jdisco.worker.DataException;
import io.jdisco.worker.io.RecordReader;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.NoSuchElementException;

/**
 * Splits its input into lines at {@code \n}, like iterating a Python file: every line but possibly
 * the last ends with {@code \n}. A line longer than the limit fails fast (Netty's
 * {@code LineBasedFrameDecoder}) instead of growing without bound.
 *
 * @param <R> the line type made by the {@link LineDecoder}
 */
public final class LineRecordReader<R> implements RecordReader<R> {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** Turns the bytes of one line into a record. */
    @FunctionalInterface
    public interface LineDecoder<R> {
        /**
         * Decodes {@code len} bytes from {@code off}; {@code lineOffset} is the line's position in
         * the input and {@code url} its source, for messages.
         */
        R decode(byte[] buf, int off, int len, long lineOffset, String url) throws DataException;
    }

    private final InputCursor in;
    private final boolean keepNewline;
    private final int maxLineBytes;
    private final LineDecoder<R> decoder;
    private final ByteBuf pending = new ByteBuf(256);
    private R current;
    private boolean hasCurrent;

    /** A reader over {@code in}; lines longer than {@code maxLineBytes} (without {@code \n}) fail. */
    public LineRecordReader(InputCursor in, boolean keepNewline, int maxLineBytes, LineDecoder<R> decoder) {
        this.in = in;
        this.keepNewline = keepNewline;
        this.maxLineBytes = maxLineBytes;
        this.decoder = decoder;
    }

    @Override
    public boolean advance() throws IOException {
        hasCurrent = false;
        pending.reset();
        long lineStart = in.offset();
        while (true) {
            if (in.fill() == 0) {
                if (pending.size() == 0) {
                    return false;
                }
                return emit(pending.array(), 0, pending.size(), lineStart);
            }
            byte[] buf = in.buffer();
            int p = in.position();
            int lim = in.limit();
            int nl = indexOfNewline(buf, p, lim);
            int chunk = (nl < 0 ? lim : nl) - p;
            if ((long) pending.size() + chunk > maxLineBytes) {
                throw new DataException("Line at byte " + lineStart + " is longer than the limit of "
                        + maxLineBytes + " bytes", in.url());
            }
            if (nl < 0) {
                pending.write(buf, p, chunk);
                in.skip(chunk);
                continue;
            }
            int len = chunk + (keepNewline ? 1 : 0);
            in.skip(chunk + 1);
            if (pending.size() == 0) {
                return emit(buf, p, len, lineStart);
            }
            pending.write(buf, p, len);
            return emit(pending.array(), 0, pending.size(), lineStart);
        }
    }

    /**
     * The index of the first {@code \n} in {@code buf[from, to)}, or -1: eight bytes at a time,
     * a word's {@code \n} bytes found with the zero-byte test of {@code word ^ 0x0A0A...}
     * ({@code (x - 0x01..) & ~x & 0x80..}: its lowest set bit marks the first zero byte, little-endian).
     * Twice as fast as a byte loop on the 100-byte lines of the sort benchmark under C1, which
     * runs the embedded master's tasks; as fast on 40-byte text lines.
     */
    static int indexOfNewline(byte[] buf, int from, int to) {
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long x = (long) LONGS.get(buf, i) ^ NEWLINES;
            long zeros = (x - LOW_BITS) & ~x & HIGH_BITS;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private boolean emit(byte[] buf, int off, int len, long lineStart) throws DataException {
        current = decoder.decode(buf, off, len, lineStart, in.url());
        hasCurrent = true;
        return true;
    }

    @Override
    public R current() {
        if (!hasCurrent) {
            throw new NoSuchElementException("no current line: call advance() first");
        }
        return current;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
