package io.jdisco.worker.classic.internal.sort;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.Tuple;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes a record key into bytes whose unsigned lexicographic order is the key order
 * (DESIGN.md §3.5), so the external sort compares plain byte arrays.
 *
 * <p>Pickle bytes would not do: their length prefixes put {@code "b"} before {@code "aa"}. The
 * encoding, per element (a type tag first, so mixed types order by tag):
 * <pre>
 *   null                      05
 *   number (any of Boolean, Byte, Short, Integer, Long, BigInteger, Float, Double), by value:
 *     negative                20 7F  ~(magnitude)          (bytes inverted: larger magnitude first)
 *     zero                    20 80
 *     positive                20 81  magnitude
 *     NaN                     20 82
 *     magnitude = exponent (4 bytes, big-endian, + 2^31) then the fraction bits after the leading
 *                 1, trailing zero bytes dropped, escaped and terminated as a byte string
 *   Bytes                     30 escaped(bytes) 00 00
 *   String                    31 escaped(UTF-8) 00 00     (UTF-8 byte order = code point order)
 *   Tuple                     40 element* 01
 *   List                      41 element* 01
 *   escaped(b): every 00 byte written as 00 FF; the terminator 00 00 sorts below any continuation
 * </pre>
 * Every element is self-delimiting, so tuples compare element by element and a shorter tuple
 * sorts before its extensions. Booleans are the numbers 0 and 1, as in Python.
 */
public final class SortKeyEncoder {
    private static final int TAG_NULL = 0x05;
    private static final int TAG_NUMBER = 0x20;
    private static final int TAG_BYTES = 0x30;
    private static final int TAG_STRING = 0x31;
    private static final int TAG_TUPLE = 0x40;
    private static final int TAG_LIST = 0x41;
    private static final int END_SEQUENCE = 0x01;
    private static final int INFINITE_EXPONENT = Integer.MAX_VALUE;

    private final ScratchBuffer out = new ScratchBuffer(64);
    private byte[] bytesScratch = new byte[64];

    /**
     * The order-preserving encoding of {@code key}.
     *
     * @throws IllegalArgumentException for a key of a type that has no order (a map, a set, ...)
     */
    public byte[] encode(Object key) {
        return encodeInPlace(key).toByteArray();
    }

    /**
     * The encoding of {@code key} in this encoder's own buffer, valid until its next call: for
     * callers that copy it anyway.
     */
    ScratchBuffer encodeInPlace(Object key) {
        out.reset();
        write(key);
        return out;
    }

    private void write(Object key) {
        if (key == null) {
            out.write(TAG_NULL);
        } else if (key instanceof String) {
            out.write(TAG_STRING);
            writeEscaped(((String) key).getBytes(StandardCharsets.UTF_8), false);
        } else if (key instanceof Bytes) {
            out.write(TAG_BYTES);
            writeEscaped((Bytes) key);
        } else if (key instanceof Long || key instanceof Integer || key instanceof Short || key instanceof Byte) {
            writeInteger(BigInteger.valueOf(((Number) key).longValue()));
        } else if (key instanceof BigInteger) {
            writeInteger((BigInteger) key);
        } else if (key instanceof Double || key instanceof Float) {
            writeDouble(((Number) key).doubleValue());
        } else if (key instanceof Boolean) {
            writeInteger((Boolean) key ? BigInteger.ONE : BigInteger.ZERO);
        } else if (key instanceof Tuple) {
            writeSequence(TAG_TUPLE, (Tuple) key);
        } else if (key instanceof List) {
            writeSequence(TAG_LIST, (List<?>) key);
        } else {
            throw new IllegalArgumentException("cannot sort by a key of type " + key.getClass().getName()
                    + ": sort keys are null, numbers, booleans, String, Bytes, Tuple or List");
        }
    }

    private void writeSequence(int tag, List<?> items) {
        out.write(tag);
        for (Object item : items) {
            write(item);
        }
        out.write(END_SEQUENCE);
    }

    private void writeInteger(BigInteger n) {
        out.write(TAG_NUMBER);
        int sign = n.signum();
        if (sign == 0) {
            out.write(0x80);
            return;
        }
        BigInteger magnitude = n.abs();
        int exponent = magnitude.bitLength() - 1;
        byte[] fraction = fractionBits(magnitude.clearBit(exponent), exponent);
        writeMagnitude(sign, exponent, fraction);
    }

    private void writeDouble(double d) {
        out.write(TAG_NUMBER);
        if (Double.isNaN(d)) {
            out.write(0x82);
            return;
        }
        if (d == 0.0) {
            out.write(0x80);
            return;
        }
        int sign = d < 0 ? -1 : 1;
        double a = Math.abs(d);
        if (Double.isInfinite(a)) {
            writeMagnitude(sign, INFINITE_EXPONENT, new byte[0]);
            return;
        }
        int exponent = Math.getExponent(a);
        long significand;
        int shift;
        if (exponent < Double.MIN_EXPONENT) {
            // subnormal: value = bits * 2^-1074; normalise so the leading 1 is dropped below
            long bits = Double.doubleToRawLongBits(a) & 0x000FFFFFFFFFFFFFL;
            int lead = 63 - Long.numberOfLeadingZeros(bits);
            exponent = lead - 1074;
            significand = bits & ~(1L << lead);
            shift = lead;
        } else {
            significand = Double.doubleToRawLongBits(a) & 0x000FFFFFFFFFFFFFL;
            shift = 52;
        }
        byte[] fraction = fractionBits(BigInteger.valueOf(significand), shift);
        writeMagnitude(sign, exponent, fraction);
    }

    /** The {@code width} bits of {@code rest} (below the leading 1), left-aligned into bytes. */
    private static byte[] fractionBits(BigInteger rest, int width) {
        if (rest.signum() == 0 || width == 0) {
            return new byte[0];
        }
        int padded = (width + 7) / 8 * 8;
        byte[] raw = rest.shiftLeft(padded - width).toByteArray();
        int nbytes = padded / 8;
        byte[] aligned = new byte[nbytes];
        int copy = Math.min(raw.length, nbytes);
        System.arraycopy(raw, raw.length - copy, aligned, nbytes - copy, copy);
        int len = nbytes;
        while (len > 0 && aligned[len - 1] == 0) {
            len--;
        }
        byte[] trimmed = new byte[len];
        System.arraycopy(aligned, 0, trimmed, 0, len);
        return trimmed;
    }

    private void writeMagnitude(int sign, int exponent, byte[] fraction) {
        boolean negative = sign < 0;
        out.write(negative ? 0x7F : 0x81);
        long biased = (long) exponent + 0x80000000L;
        for (int shift = 24; shift >= 0; shift -= 8) {
            int b = (int) (biased >>> shift) & 0xFF;
            out.write(negative ? ~b & 0xFF : b);
        }
        writeEscaped(fraction, negative);
    }

    /** A {@code Bytes} key escaped through {@link #bytesScratch}, a copy without an allocation per key. */
    private void writeEscaped(Bytes bytes) {
        int n = bytes.length();
        if (bytesScratch.length < n) {
            bytesScratch = new byte[Math.max(n, bytesScratch.length * 2)];
        }
        bytes.copyTo(bytesScratch, 0);
        writeEscaped(bytesScratch, n, false);
    }

    private void writeEscaped(byte[] bytes, boolean invert) {
        writeEscaped(bytes, bytes.length, invert);
    }

    private void writeEscaped(byte[] bytes, int length, boolean invert) {
        if (!invert && !hasZero(bytes, length)) {
            out.write(bytes, 0, length); // nothing to escape: the bytes as they are, in one copy
            out.write(0);
            out.write(0);
            return;
        }
        int flip = invert ? 0xFF : 0;
        for (int i = 0; i < length; i++) {
            int v = bytes[i] & 0xFF;
            out.write(v ^ flip);
            if (v == 0) {
                out.write(0xFF ^ flip);
            }
        }
        out.write(flip);
        out.write(flip);
    }

    private static boolean hasZero(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
