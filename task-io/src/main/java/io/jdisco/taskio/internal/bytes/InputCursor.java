package io.jdisco.taskio.internal.bytes;

import io.jdisco.worker.DataException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * A buffered view of an input stream that knows its byte offset, so that every reader can say
 * where in the input a problem is. I/O failures of the underlying stream become
 * {@link DataException}s naming the URL and the offset.
 */
public final class InputCursor implements Closeable {
    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final String url;
    private final byte[] buf;
    private int pos;
    private int lim;
    private long consumedBefore;
    private boolean eof;

    /**
     * A cursor over {@code in}; {@code head} bytes (peeked by a caller) are read first, and
     * {@code headOffset} is the input offset of {@code head[0]}.
     */
    public InputCursor(InputStream in, String url, byte[] head, long headOffset) {
        this.in = in;
        this.url = url;
        this.buf = new byte[Math.max(BUFFER, head.length)];
        System.arraycopy(head, 0, buf, 0, head.length);
        this.lim = head.length;
        this.consumedBefore = headOffset;
    }

    /** A cursor over {@code in}. */
    public InputCursor(InputStream in, String url) {
        this(in, url, new byte[0], 0);
    }

    /** The URL, for messages. */
    public String url() {
        return url;
    }

    /** Bytes consumed so far (including any head bytes). */
    public long offset() {
        return consumedBefore + pos;
    }

    /** Bytes available in the buffer without reading; refills when empty; 0 only at end of input. */
    public int fill() throws DataException {
        if (pos < lim) {
            return lim - pos;
        }
        if (eof) {
            return 0;
        }
        consumedBefore += lim;
        pos = 0;
        lim = 0;
        int n;
        try {
            n = in.read(buf, 0, buf.length);
            while (n == 0) {
                n = in.read(buf, 0, buf.length);
            }
        } catch (DataException e) {
            throw e;
        } catch (IOException e) {
            throw new DataException("Read failed at byte " + offset() + ": " + e.getMessage(), url, e);
        }
        if (n < 0) {
            eof = true;
            return 0;
        }
        lim = n;
        return n;
    }

    /** The buffer; valid between {@link #position()} and {@link #limit()}. */
    public byte[] buffer() {
        return buf;
    }

    /** Position of the next unread byte in {@link #buffer()}. */
    public int position() {
        return pos;
    }

    /** End of the valid bytes in {@link #buffer()}. */
    public int limit() {
        return lim;
    }

    /** Marks {@code n} buffered bytes as consumed. */
    public void skip(int n) {
        if (n < 0 || n > lim - pos) {
            throw new IllegalArgumentException("cannot skip " + n + " of " + (lim - pos) + " buffered bytes");
        }
        pos += n;
    }

    /** The next byte, or -1 at end of input. */
    public int read() throws DataException {
        if (fill() == 0) {
            return -1;
        }
        return buf[pos++] & 0xFF;
    }

    /**
     * Reads up to {@code n} bytes into {@code dst} from {@code off}; fewer only at end of input.
     *
     * @return the number of bytes read
     */
    public int readFully(byte[] dst, int off, int n) throws DataException {
        int done = 0;
        while (done < n) {
            int avail = fill();
            if (avail == 0) {
                break;
            }
            int k = Math.min(avail, n - done);
            System.arraycopy(buf, pos, dst, off + done, k);
            pos += k;
            done += k;
        }
        return done;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
