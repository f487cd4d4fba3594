package io.jdisco.worker.core.protocol.wire;

import io.jdisco.worker.core.protocol.ProtocolException;

/**
 * A frame that the master's parser ({@code worker_protocol.erl}) would reject, or a stream that
 * ends inside a frame. {@link #kind()} is the master's error atom; the message names the stream
 * offset of the frame and shows the offending bytes.
 */
public final class FrameException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    /** The kinds of framing errors; the first four are the master's own error atoms. */
    public enum Kind {
        /** No space after a 1..10 byte name within the first 11 bytes. */
        INVALID_TYPE,
        /** The length field is not a non-negative decimal of 1..10 bytes followed by a space. */
        INVALID_LENGTH,
        /** The length exceeds 100 MiB ({@code MAX_MESSAGE_LENGTH}). */
        MESSAGE_TOO_BIG,
        /** The byte after the body is not {@code \n}. */
        INVALID_BODY,
        /** The stream ended inside a frame. */
        PARTIAL_FRAME
    }

    private final Kind kind;
    private final long offset;

    /** A framing error of {@code kind} for the frame starting at stream {@code offset}. */
    public FrameException(Kind kind, long offset, String detail) {
        super(kind.name().toLowerCase(java.util.Locale.ROOT) + " in frame at byte " + offset + ": " + detail);
        this.kind = kind;
        this.offset = offset;
    }

    /** What was wrong. */
    public Kind kind() {
        return kind;
    }

    /** The stream offset where the bad frame starts. */
    public long offset() {
        return offset;
    }
}
