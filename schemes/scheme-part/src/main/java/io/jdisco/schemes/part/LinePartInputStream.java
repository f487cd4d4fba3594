package io.jdisco.schemes.part;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The bytes of the lines of a file that start in {@code [start, end)}: from the first line start
 * at or after {@code start} (byte {@code start - 1} is a newline, or {@code start} is 0) through
 * the newline that ends the line holding byte {@code end - 1}, or the end of the file.
 *
 * <pre>
 *   file   ...xx\nAAAA\nBBBB\nCC|CC\nDDD...      | = end, start somewhere in "xx"
 *   part         AAAA\nBBBB\nCCCC\n               the line crossing end is read whole
 * </pre>
 */
final class LinePartInputStream extends InputStream {
    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final long end;
    /** The file offset of the next byte {@link #in} gives. */
    private long position;
    /** The last byte served, -1 before the first. */
    private int last = -1;
    private boolean done;
    private final byte[] one = new byte[1];

    private LinePartInputStream(InputStream in, long position, long end) {
        this.in = in;
        this.position = position;
        this.end = end;
        this.done = position >= end;
    }

    /** Opens the part {@code [start, end)} of {@code file}, positioned at its first line. */
    static LinePartInputStream open(Path file, long start, long end) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long from = start;
            if (start > 0) {
                ch.position(start - 1);
                InputStream probe = new BufferedInputStream(Channels.newInputStream(ch), BUFFER);
                from = start - 1;
                // skip to just after the first newline at or after start - 1
                for (int b; (b = probe.read()) >= 0; ) {
                    from++;
                    if (b == '\n') {
                        break;
                    }
                }
                return new LinePartInputStream(probe, from, end);
            }
            return new LinePartInputStream(new BufferedInputStream(Channels.newInputStream(ch), BUFFER), from, end);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    @Override
    public int read() throws IOException {
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (done) {
            return -1;
        }
        int n = in.read(b, off, len);
        if (n < 0) {
            done = true;
            return -1;
        }
        // Serve up to end; past it, only up to and including the first newline.
        int keep = n;
        long firstPast = Math.max(0, end - position); // index in b of the first byte at or past end
        if (firstPast < n) {
            if (firstPast > 0 && b[off + (int) firstPast - 1] == '\n' || firstPast == 0 && last == '\n') {
                keep = (int) firstPast;
                done = true;
            } else {
                for (int i = (int) firstPast; i < n; i++) {
                    if (b[off + i] == '\n') {
                        keep = i + 1;
                        done = true;
                        break;
                    }
                }
            }
        }
        position += n;
        if (keep > 0) {
            last = b[off + keep - 1];
        }
        if (keep == 0) {
            return -1;
        }
        return keep;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
