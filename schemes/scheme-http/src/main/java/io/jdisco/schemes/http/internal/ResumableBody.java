package io.jdisco.schemes.http.internal;

import io.jdisco.worker.DataException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP body that survives a cut connection: when the body breaks off (an I/O error, a read
 * timeout, or an end before {@code Content-Length}), the resource is asked for again from the
 * first byte not yet read, with {@code Range: bytes=<pos>-}, and reading goes on as if nothing
 * happened.
 *
 * <p>The answer to a resume is checked: {@code 206} must carry
 * {@code Content-Range: bytes <pos>-<last>/<total>} starting at {@code pos}; a {@code 200}
 * (a server ignoring ranges) is read from its start and its first {@code pos} bytes dropped; in
 * both cases a total length that differs from the first answer's means the resource changed, a
 * {@link DataException}. After {@code maxRetries} resumes in a row without a byte of progress
 * the read fails with a {@link DataException} naming the URL and the offset.
 */
public final class ResumableBody extends InputStream {
    // Content-Range: bytes <first>-<last>/<total or *>     (RFC 9110 §14.4)
    private static final Pattern RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");
    // Content-Range: bytes */<total>                       (in a 416 answer)
    private static final Pattern UNSATISFIED = Pattern.compile("bytes\\s+\\*/(\\d+)");

    private final HttpFetcher fetcher;
    private final HttpTarget target;
    private final int maxRetries;
    private long length;
    private long pos;
    private int failures;
    private InputStream body;
    private boolean closed;

    private ResumableBody(HttpFetcher fetcher, HttpTarget target, InputStream body, long length) {
        this.fetcher = fetcher;
        this.target = target;
        this.maxRetries = fetcher.settings().maxRetries();
        this.body = body;
        this.length = length;
    }

    /**
     * GETs {@code target} and returns its body.
     *
     * @throws DataException naming the URL when the resource cannot be had
     */
    public static ResumableBody open(HttpFetcher fetcher, HttpTarget target) throws IOException {
        Objects.requireNonNull(fetcher, "fetcher");
        Objects.requireNonNull(target, "target");
        HttpFetcher.Answer a = fetcher.get(target, 0);
        long length = a.contentLength();
        if (a.status() == 206) {
            long[] range = contentRange(a);
            if (range == null || range[0] != 0) {
                a.body().close();
                throw new DataException("unasked-for partial answer, Content-Range "
                        + a.headers().firstValue("Content-Range").orElse("missing"), target.display());
            }
            length = range[2];
        }
        return new ResumableBody(fetcher, target, a.body(), length);
    }

    /** The total length from the answer's headers, or {@code -1}. */
    public long length() {
        return length;
    }

    /** The bytes read so far. */
    public long position() {
        return pos;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("stream closed: " + target);
        }
        if (len == 0) {
            return 0;
        }
        while (true) {
            int n;
            try {
                n = body.read(b, off, len);
            } catch (IOException e) {
                resume(e);
                continue;
            }
            if (n < 0) {
                if (length >= 0 && pos < length) {
                    resume(new IOException("body ended after " + pos + " of " + length + " bytes"));
                    continue;
                }
                return -1;
            }
            if (length >= 0 && pos + n > length) {
                throw new DataException("body is longer than its Content-Length " + length, target.display());
            }
            pos += n;
            if (n > 0) {
                failures = 0;
            }
            return n;
        }
    }

    /** Reopens from {@code pos} after {@code cause} broke the body; fails after too many tries. */
    private void resume(IOException cause) throws IOException {
        body.close();
        IOException last = cause;
        while (true) {
            if (failures >= maxRetries) {
                throw new DataException("connection broke at byte " + pos + (length >= 0 ? " of " + length : "")
                        + " and " + failures + " resumes made no progress: " + last, target.display(), last);
            }
            fetcher.backoff().sleep(failures++);
            try {
                body = reopen();
                return;
            } catch (DataException e) {
                throw e;
            } catch (IOException e) {
                last = e;
            }
        }
    }

    private InputStream reopen() throws IOException {
        HttpFetcher.Answer a = fetcher.get(target, pos);
        if (a.status() == 416) {
            // Nothing left from pos: fine only if the server says the whole is exactly pos long.
            Matcher m = UNSATISFIED.matcher(a.headers().firstValue("Content-Range").orElse(""));
            if (m.matches() && Long.parseLong(m.group(1)) == pos && (length < 0 || length == pos)) {
                length = pos;
                return InputStream.nullInputStream();
            }
            throw new DataException("resume from byte " + pos + " refused (HTTP 416)", target.display());
        }
        if (a.status() == 206) {
            long[] range = contentRange(a);
            if (range == null || range[0] != pos) {
                a.body().close();
                throw new DataException("resume from byte " + pos + " answered with Content-Range "
                        + a.headers().firstValue("Content-Range").orElse("missing"), target.display());
            }
            checkSameLength(range[2], a);
            return a.body();
        }
        checkSameLength(a.contentLength(), a);
        try {
            skipStart(a.body());
        } catch (IOException e) {
            a.body().close();
            throw e;
        }
        return a.body();
    }

    private void checkSameLength(long total, HttpFetcher.Answer a) throws DataException {
        if (total >= 0 && length >= 0 && total != length) {
            a.body().close();
            throw new DataException("resource changed while read: length " + length + " became " + total,
                    target.display());
        }
        if (length < 0 && total >= 0) {
            length = total;
        }
    }

    /** A server that ignored the range sent everything again: drop what was read already. */
    private void skipStart(InputStream in) throws IOException {
        byte[] sink = new byte[8192];
        long left = pos;
        while (left > 0) {
            int n = in.read(sink, 0, (int) Math.min(sink.length, left));
            if (n < 0) {
                throw new IOException("body ended after " + (pos - left) + " bytes while skipping to " + pos);
            }
            left -= n;
        }
    }

    /** {first, last, total or -1} of a Content-Range header, or {@code null}. */
    private static long[] contentRange(HttpFetcher.Answer a) {
        Matcher m = RANGE.matcher(a.headers().firstValue("Content-Range").orElse("").trim());
        if (!m.matches()) {
            return null;
        }
        try {
            long total = "*".equals(m.group(3)) ? -1 : Long.parseLong(m.group(3));
            return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), total};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            body.close();
        }
    }

    @Override
    public String toString() {
        return "ResumableBody[" + target + ", " + pos + "/" + (length >= 0 ? length : "?") + "]";
    }
}
