package io.jdisco.worker.core.protocol.wire;

import io.jdisco.worker.core.protocol.wire.FrameException.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Finds the first frame in a byte buffer with exactly the rules of the master's parser
 * ({@code worker_protocol.erl}, SPEC §2.1.2), so that we accept and reject what the master does.
 *
 * <pre>
 *   FOO 3 bar\n
 *   ^^^ name: a space at index 1..10 of the buffer (the first one wins); none there and the
 *       buffer holds &gt;= 10 bytes: invalid_type; otherwise wait for more bytes
 *       ^ length: the same rule after "name "; parsed like Erlang's list_to_integer (optional sign,
 *         decimal digits): not a number or negative: invalid_length; &gt; 100 MiB: message_too_big
 *         ^^^ body: wait until name+length+body+3 bytes are buffered
 *            ^^ the byte right after the body must be LF, else invalid_body
 * </pre>
 *
 * Stateless: call {@link #parse} with everything buffered so far; it returns the frame and how many
 * bytes it used, or says which part it is waiting for.
 */
public final class FrameParser {
    /** The master's {@code MAX_MESSAGE_LENGTH}: 100 MiB. */
    public static final long MAX_MESSAGE_LENGTH = 100L * 1024 * 1024;

    /** Which part of a frame the parser is waiting for. */
    public enum State {
        /** The name and its space. */
        NAME,
        /** The length and its space. */
        LENGTH,
        /** The body and its LF. */
        BODY
    }

    private FrameParser() {
    }

    /**
     * Parses the first frame of {@code buf[0..len)}.
     *
     * @param streamOffset where {@code buf[0]} sits in the whole stream, for error messages
     * @return a complete frame with the bytes it used, or what the parser still waits for
     * @throws FrameException when the master would reject these bytes
     */
    public static Result parse(byte[] buf, int len, long streamOffset) throws FrameException {
        Objects.requireNonNull(buf, "buf");
        int nameEnd = head(buf, 0, len);
        if (nameEnd == MORE) {
            return Result.waiting(State.NAME, null, 0);
        }
        if (nameEnd == MISSING) {
            throw new FrameException(Kind.INVALID_TYPE, streamOffset,
                    "no space after a name of 1..10 bytes in " + show(buf, 0, len));
        }
        String name = new String(buf, 0, nameEnd, StandardCharsets.UTF_8);
        int lengthStart = nameEnd + 1;
        int lengthEnd = head(buf, lengthStart, len);
        if (lengthEnd == MORE) {
            return Result.waiting(State.LENGTH, name, 0);
        }
        if (lengthEnd == MISSING) {
            throw new FrameException(Kind.INVALID_LENGTH, streamOffset,
                    "no space after a length of 1..10 bytes in " + name + " frame: " + show(buf, 0, len));
        }
        String lengthText = new String(buf, lengthStart, lengthEnd - lengthStart, StandardCharsets.ISO_8859_1);
        long length = erlangInteger(lengthText);
        if (length == Long.MIN_VALUE || length < 0) {
            throw new FrameException(Kind.INVALID_LENGTH, streamOffset,
                    "length '" + lengthText + "' of " + name + " frame is not a non-negative integer");
        }
        if (length > MAX_MESSAGE_LENGTH) {
            throw new FrameException(Kind.MESSAGE_TOO_BIG, streamOffset,
                    name + " frame announces " + length + " bytes, more than " + MAX_MESSAGE_LENGTH);
        }
        long total = (long) lengthEnd + 1 + length + 1;
        if (len < total) {
            return Result.waiting(State.BODY, name, total);
        }
        int bodyStart = lengthEnd + 1;
        int lf = (int) (total - 1);
        if (buf[lf] != '\n') {
            throw new FrameException(Kind.INVALID_BODY, streamOffset, name + " frame of length " + length
                    + " is followed by " + show(buf, lf, Math.min(len, lf + 20)) + " instead of \\n");
        }
        byte[] body = new byte[(int) length];
        System.arraycopy(buf, bodyStart, body, 0, body.length);
        return new Result(new Frame(name, body), (int) total, State.NAME, null, 0);
    }

    private static final int MORE = -1;
    private static final int MISSING = -2;

    /** Erlang's {@code head/1}: index of a space at start+1..start+10, else MORE or MISSING. */
    private static int head(byte[] buf, int start, int len) {
        for (int i = start + 1; i <= start + 10 && i < len; i++) {
            if (buf[i] == ' ') {
                return i;
            }
        }
        return len - start >= 10 ? MISSING : MORE;
    }

    /** Erlang's {@code list_to_integer}: an optional sign and at least one decimal digit; MIN_VALUE if not. */
    private static long erlangInteger(String s) {
        int i = 0;
        boolean negative = false;
        if (s.startsWith("+") || s.startsWith("-")) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        if (i >= s.length()) {
            return Long.MIN_VALUE;
        }
        long v = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return Long.MIN_VALUE;
            }
            v = v * 10 + (c - '0'); // at most 10 digits: no overflow
        }
        return negative ? -v : v;
    }

    /** Shows bytes as a quoted, escaped string of at most 40 bytes. */
    static String show(byte[] buf, int from, int to) {
        StringBuilder sb = new StringBuilder("\"");
        int end = Math.min(to, from + 40);
        for (int i = from; i < end; i++) {
            int b = buf[i] & 0xff;
            if (b >= 0x20 && b < 0x7f && b != '"' && b != '\\') {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02x", b));
            }
        }
        sb.append('"');
        if (to > end) {
            sb.append("... (").append(to - from).append(" bytes)");
        }
        return sb.toString();
    }

    /** What {@link #parse} found: a frame, or the part of a frame it waits for. */
    public static final class Result {
        private final Frame frame;
        private final int consumed;
        private final State state;
        private final String name;
        private final long total;

        private Result(Frame frame, int consumed, State state, String name, long total) {
            this.frame = frame;
            this.consumed = consumed;
            this.state = state;
            this.name = name;
            this.total = total;
        }

        static Result waiting(State state, String name, long total) {
            return new Result(null, 0, state, name, total);
        }

        /** The frame, or {@code null} when more bytes are needed. */
        public Frame frame() {
            return frame;
        }

        /** Bytes of the buffer used by the frame (0 when waiting). */
        public int consumed() {
            return consumed;
        }

        /** The part of a frame the parser waits for ({@code NAME} after a complete frame). */
        public State state() {
            return state;
        }

        /** The name of the frame being waited for, when already known. */
        public String pendingName() {
            return name;
        }

        /** In state {@code BODY}: the total frame size the parser waits for. */
        public long pendingTotal() {
            return total;
        }
    }
}
