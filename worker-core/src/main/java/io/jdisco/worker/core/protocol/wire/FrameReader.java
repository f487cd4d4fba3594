package io.jdisco.worker.core.protocol.wire;

import io.jdisco.worker.core.protocol.wire.FrameException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads frames from a byte stream with {@link FrameParser}'s rules, buffering partial frames.
 * Not thread-safe; one reader per stream.
 */
public final class FrameReader {
    private final InputStream in;
    private byte[] buf = new byte[8192];
    private int len;
    private long offset;

    /** A reader over {@code in}. */
    public FrameReader(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    /**
     * The next frame, blocking until it is complete.
     *
     * @return the frame, or {@code null} at a clean end of stream (between frames)
     * @throws FrameException for a malformed frame or a stream that ends inside a frame
     */
    public Frame next() throws IOException {
        while (true) {
            FrameParser.Result r = FrameParser.parse(buf, len, offset);
            if (r.frame() != null) {
                System.arraycopy(buf, r.consumed(), buf, 0, len - r.consumed());
                len -= r.consumed();
                offset += r.consumed();
                return r.frame();
            }
            if (len == buf.length) {
                long want = Math.max(r.pendingTotal(), (long) buf.length * 2);
                buf = Arrays.copyOf(buf, (int) Math.min(want, FrameParser.MAX_MESSAGE_LENGTH + 32));
            }
            int n = in.read(buf, len, buf.length - len);
            if (n < 0) {
                if (len == 0) {
                    return null;
                }
                throw new FrameException(Kind.PARTIAL_FRAME, offset, "stream ended after " + len
                        + " bytes of a frame" + (r.pendingName() != null ? " named " + r.pendingName() : "")
                        + " (waiting for its " + r.state().name().toLowerCase(java.util.Locale.ROOT) + "): "
                        + FrameParser.show(buf, 0, len));
            }
            len += n;
        }
    }

    /** Bytes read from the stream so far that belong to complete frames. */
    public long offset() {
        return offset;
    }
}
