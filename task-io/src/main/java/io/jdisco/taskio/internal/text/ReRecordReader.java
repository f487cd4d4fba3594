package io.jdisco.taskio.internal.text;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.DataException;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.io.RecordReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Disco's {@code re_reader} (SPEC §7.8): reads blocks into a buffer and yields the groups of every
 * match of the pattern anchored at the buffer's start, as a {@link Tuple} of {@link Bytes}
 * ({@code null} for a group that did not take part). Bytes are matched as Latin-1 characters, so
 * a pattern sees one character per byte, as Python's byte patterns do.
 *
 * <p>At the end, fewer bytes than the declared size is a {@link DataException}; unmatched bytes
 * are yielded as a one-element tuple when {@code outputTail} is set, or reported as a message.
 * Unlike Python, more than {@code maxRecordBytes} unmatched bytes fail instead of filling memory.
 */
public final class ReRecordReader implements RecordReader<Tuple> {
    private static final int READ_BUFFER = 8192;

    private final InputStream in;
    private final long size;
    private final String url;
    private final Pattern pattern;
    private final boolean outputTail;
    private final int maxRecordBytes;
    private final Consumer<String> messages;
    private final byte[] block = new byte[READ_BUFFER];
    private final StringBuilder buf = new StringBuilder();
    private final Matcher matcher;
    private int start;
    private long total;
    private boolean ended;
    private Tuple current;

    /** A reader of {@code size} bytes ({@code -1}: until the end of {@code in}). */
    public ReRecordReader(InputStream in, long size, String url, Pattern pattern, boolean outputTail,
            int maxRecordBytes, Consumer<String> messages) {
        this.in = in;
        this.size = size;
        this.url = url;
        this.pattern = pattern;
        this.outputTail = outputTail;
        this.maxRecordBytes = maxRecordBytes;
        this.messages = messages;
        this.matcher = pattern.matcher(buf);
    }

    @Override
    public boolean advance() throws IOException {
        current = null;
        while (true) {
            if (start < buf.length()) {
                matcher.reset(buf).region(start, buf.length());
                if (matcher.lookingAt()) {
                    if (matcher.end() == start) {
                        throw new IllegalArgumentException("pattern " + pattern.pattern()
                                + " matched the empty string at byte " + consumedOffset() + " of " + url
                                + "; it must consume input or the reader would loop forever");
                    }
                    current = groups(matcher);
                    start = matcher.end();
                    compact();
                    return true;
                }
            }
            if (ended) {
                return tail();
            }
            if (buf.length() - start > maxRecordBytes) {
                throw new DataException("No match for " + pattern.pattern() + " within " + maxRecordBytes
                        + " bytes at offset " + consumedOffset(), url);
            }
            readBlock();
        }
    }

    private long consumedOffset() {
        return total - (buf.length() - start);
    }

    private void readBlock() throws IOException {
        int want = size > 0 ? (int) Math.min(READ_BUFFER, size - total) : READ_BUFFER;
        int n;
        try {
            n = want == 0 ? -1 : in.read(block, 0, want);
        } catch (DataException e) {
            throw e;
        } catch (IOException e) {
            throw new DataException("Read failed at byte " + total + ": " + e.getMessage(), url, e);
        }
        if (n > 0) {
            total += n;
            for (int i = 0; i < n; i++) {
                buf.append((char) (block[i] & 0xFF));
            }
        }
        if (n <= 0 || size >= 0 && total >= size) {
            if (size >= 0 && total < size) {
                throw new DataException("Truncated input: Expected " + size + " bytes, got " + total, url);
            }
            ended = true;
        }
    }

    private boolean tail() {
        int left = buf.length() - start;
        if (left == 0) {
            return false;
        }
        String rest = buf.substring(start);
        start = buf.length();
        if (outputTail) {
            current = Tuple.of(Bytes.latin1(rest));
            return true;
        }
        messages.accept("Couldn't match the last " + left + " bytes in " + url
                + ". Some bytes may be missing from input.");
        return false;
    }

    private void compact() {
        if (start > 64 * 1024 && start > buf.length() / 2) {
            buf.delete(0, start);
            start = 0;
        }
    }

    private static Tuple groups(Matcher m) {
        int n = m.groupCount();
        Object[] g = new Object[n];
        for (int i = 0; i < n; i++) {
            String s = m.group(i + 1);
            g[i] = s == null ? null : Bytes.latin1(s);
        }
        return Tuple.of(g);
    }

    @Override
    public Tuple current() {
        if (current == null) {
            throw new NoSuchElementException("no current record: call advance() first");
        }
        return current;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
