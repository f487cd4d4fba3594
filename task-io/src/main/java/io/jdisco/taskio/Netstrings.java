package io.jdisco.taskio;

import io.jdisco.taskio.internal.oldformat.PyText;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.DataException;
import io.jdisco.worker.Tuple;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The classic worker's netstring helpers ({@code disco.worker.classic.netstring}, SPEC §7.6): how
 * external programs receive their parameters.
 *
 * <pre>
 * body    = ( &lt;len(k)&gt; SP k SP &lt;len(v)&gt; SP v LF )*      encode_netstring_str
 * message = &lt;len(body)&gt; LF body                             encode_netstring_fd
 * </pre>
 *
 * Lengths are decimal byte counts; keys and values are {@code str()} of the given values
 * (byte strings as they are, unicode as UTF-8).
 */
public final class Netstrings {
    /** Python's limits: at most 10 digits in a message length, at most 1 GiB per message. */
    static final int MAX_LEN_DIGITS = 10;
    static final long MAX_PACKET_LEN = 1024L * 1024 * 1024;

    private Netstrings() {
    }

    /** {@code encode_netstring_str(pairs)}: the body for a list of {@code (key, value)} pairs. */
    public static byte[] encodeStr(List<? extends List<?>> pairs) {
        Objects.requireNonNull(pairs, "pairs");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (List<?> pair : pairs) {
            if (pair.size() != 2) {
                throw new IllegalArgumentException("a netstring entry must be a (key, value) pair, got " + pair);
            }
            field(out, PyText.str(pair.get(0)), ' ');
            field(out, PyText.str(pair.get(1)), '\n');
        }
        return out.toByteArray();
    }

    /** {@code encode_netstring_fd(d)}: the body of {@code d}'s entries, prefixed by its length. */
    public static byte[] encodeFd(Map<?, ?> entries) {
        Objects.requireNonNull(entries, "entries");
        List<Tuple> pairs = new ArrayList<>(entries.size());
        entries.forEach((k, v) -> pairs.add(Tuple.pair(k, v)));
        byte[] body = encodeStr(pairs);
        byte[] head = (body.length + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /**
     * {@code decode_netstring_str(msg)}: the {@code (Bytes, Bytes)} pairs of a body, in order.
     *
     * @throws DataException when a length is not a number or a value runs past the end
     */
    public static List<Tuple> decodeStr(byte[] msg) throws DataException {
        Objects.requireNonNull(msg, "msg");
        List<Tuple> pairs = new ArrayList<>();
        int[] at = {0};
        while (at[0] < msg.length) {
            Bytes key = readField(msg, at);
            Bytes value = readField(msg, at);
            pairs.add(Tuple.pair(key, value));
        }
        return pairs;
    }

    /**
     * {@code decode_netstring_fd(fd)}: reads one message from {@code in}.
     *
     * @return the entries in message order, or empty when {@code in} is at its end
     * @throws DataException when the length line is malformed or the message is cut short
     */
    public static Optional<Map<Bytes, Bytes>> decodeFd(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        StringBuilder len = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (len.length() == 0) {
                    return Optional.empty();
                }
                throw new DataException("netstring message ends inside its length", null);
            }
            if (Character.isWhitespace(c)) {
                break;
            }
            len.append((char) c);
            if (len.length() > MAX_LEN_DIGITS) {
                throw new DataException("netstring length string too long", null);
            }
        }
        long n = parseLength(len.toString(), 0);
        if (n > MAX_PACKET_LEN) {
            throw new DataException("netstring: will not receive " + n + " bytes", null);
        }
        byte[] body = in.readNBytes((int) n);
        if (body.length < n) {
            throw new DataException("netstring message truncated: expected " + n + " bytes, got " + body.length, null);
        }
        Map<Bytes, Bytes> entries = new LinkedHashMap<>();
        for (Tuple t : decodeStr(body)) {
            entries.put((Bytes) t.key(), (Bytes) t.value());
        }
        return Optional.of(entries);
    }

    private static Bytes readField(byte[] msg, int[] at) throws DataException {
        int i = at[0];
        int sp = -1;
        for (int j = i; j < msg.length && j <= i + MAX_LEN_DIGITS; j++) {
            if (msg[j] == ' ') {
                sp = j;
                break;
            }
        }
        if (sp < 0) {
            throw new DataException("netstring: no length at byte " + i, null);
        }
        long n = parseLength(new String(msg, i, sp - i, StandardCharsets.ISO_8859_1), i);
        int start = sp + 1;
        if (start + n > msg.length) {
            throw new DataException("netstring: value of " + n + " bytes at byte " + start + " runs past the end ("
                    + msg.length + " bytes)", null);
        }
        at[0] = (int) (start + n + 1);
        return Bytes.of(msg, start, (int) n);
    }

    private static long parseLength(String s, int at) throws DataException {
        if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9') || s.length() > MAX_LEN_DIGITS) {
            throw new DataException("netstring: bad length '" + s + "' at byte " + at, null);
        }
        return Long.parseLong(s);
    }

    private static void field(ByteArrayOutputStream out, byte[] b, char separator) {
        byte[] len = Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII);
        out.write(len, 0, len.length);
        out.write(' ');
        out.write(b, 0, b.length);
        out.write(separator);
    }
}
