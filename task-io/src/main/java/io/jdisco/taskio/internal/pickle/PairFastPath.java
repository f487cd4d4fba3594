package io.jdisco.taskio.internal.pickle;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.DataException;
import io.jdisco.worker.Tuple;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the one shape that makes up nearly all Disco records without the general stack
 * machine: a protocol-1 pair of scalars, as cPickle (and our writer) emit it.
 *
 * <pre>
 * ( elem elem t [q n] .        elem = U n bytes [q n] | T len32 bytes [q n] | X len32 utf-8 [q n]
 *                                     | K b | M b b | J b*4 | N | G b*8
 * </pre>
 *
 * Anything else, including anything malformed, returns {@link #MISMATCH} and the caller runs the
 * general decoder from the same offset, which then reports the error. Memo entries are not kept:
 * this shape holds no GET that could use them.
 */
final class PairFastPath {
    /** Returned when the bytes are not of the fast shape. */
    static final Object MISMATCH = new Object();

    private byte[] d;
    private int p;
    private int lim;

    /** The offset just past the record last decoded. */
    int end() {
        return p;
    }

    Object decode(byte[] data, int start, int limit) throws DataException {
        d = data;
        p = start;
        lim = limit;
        try {
            if (limit - start < 5 || d[p] != '(') {
                return MISMATCH;
            }
            p++;
            Object k = elem();
            if (k == MISMATCH) {
                return MISMATCH;
            }
            Object v = elem();
            if (v == MISMATCH || p >= lim || d[p] != 't') {
                return MISMATCH;
            }
            p++;
            skipMemo();
            if (p >= lim || d[p] != '.') {
                return MISMATCH;
            }
            p++;
            return Tuple.pair(k, v);
        } finally {
            d = null;
        }
    }

    /**
     * One element. Kept small, with one helper per opcode, so that the JIT inlines it into
     * {@link #decode}: a large switch here is not inlined and costs a call per element.
     */
    private Object elem() throws DataException {
        if (p >= lim) {
            return MISMATCH;
        }
        switch (d[p++]) {
            case 'X':
                return unicode();
            case 'U':
                return p < lim ? bytes(d[p++] & 0xFF) : MISMATCH;
            case 'T':
                return bytes(int32());
            case 'K':
                return p < lim ? (Object) (long) (d[p++] & 0xFF) : MISMATCH;
            case 'M':
                return uint16();
            case 'J':
                return lim - p < 4 ? MISMATCH : (Object) (long) int32();
            case 'N':
                return null;
            case 'G':
                return float64();
            default:
                return MISMATCH;
        }
    }

    /** {@code X len32 utf-8 [q n]}: a str (Python 3) or unicode (Python 2). */
    private Object unicode() throws DataException {
        int n = int32();
        if (n < 0 || n > lim - p) {
            return MISMATCH;
        }
        int s = p;
        p += n;
        // The JDK's decoder is vectorised and lenient; a lenient result without U+FFFD is exactly
        // the strict one (malformed input always yields U+FFFD), so only such a string is decoded
        // again, strictly, to tell a genuine U+FFFD from bad bytes.
        String text = new String(d, s, n, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            text = PickleText.strictUtf8(d, s, n);
        }
        skipMemo();
        return text;
    }

    /** {@code M b b}: an unsigned 16-bit int. */
    private Object uint16() {
        if (lim - p < 2) {
            return MISMATCH;
        }
        p += 2;
        return (long) ((d[p - 2] & 0xFF) | (d[p - 1] & 0xFF) << 8);
    }

    /** {@code G b*8}: a big-endian double. */
    private Object float64() {
        if (lim - p < 8) {
            return MISMATCH;
        }
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = bits << 8 | (d[p++] & 0xFF);
        }
        return Double.longBitsToDouble(bits);
    }

    /** {@code n} bytes of a str (Python 2) or bytes value; a negative {@code n} is a mismatch. */
    private Object bytes(int n) {
        if (n < 0 || n > lim - p) {
            return MISMATCH;
        }
        Bytes b = Bytes.of(d, p, n);
        p += n;
        skipMemo();
        return b;
    }

    /** Reads a little-endian int32, or returns -1 (never a valid length here) when cut short. */
    private int int32() {
        if (lim - p < 4) {
            p = lim;
            return -1;
        }
        int v = (d[p] & 0xFF) | (d[p + 1] & 0xFF) << 8 | (d[p + 2] & 0xFF) << 16 | d[p + 3] << 24;
        p += 4;
        return v;
    }

    private void skipMemo() {
        if (p + 1 < lim && d[p] == 'q') {
            p += 2;
        }
    }
}
