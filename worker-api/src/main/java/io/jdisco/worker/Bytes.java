package io.jdisco.worker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable byte string: Python 2 {@code str} / Python 3 {@code bytes} in Disco records.
 *
 * <p>Input-derived text (lines, {@code raw://} data) is a byte string in Disco, and byte strings
 * sort by unsigned byte value; {@code Bytes} keeps both properties, where a {@code byte[]} would
 * have neither value equality nor an order. Instances never share their array with callers.
 */
public final class Bytes implements Comparable<Bytes>, Serializable {
    private static final long serialVersionUID = 1L;

    /** The empty byte string. */
    public static final Bytes EMPTY = new Bytes(new byte[0]);

    private final byte[] data;
    private transient int hash;

    private Bytes(byte[] data) {
        this.data = data;
    }

    /** Returns a byte string holding a copy of {@code data}. */
    public static Bytes of(byte[] data) {
        Objects.requireNonNull(data, "data");
        return data.length == 0 ? EMPTY : new Bytes(data.clone());
    }

    /** Returns a byte string holding a copy of {@code length} bytes of {@code data} from {@code offset}. */
    public static Bytes of(byte[] data, int offset, int length) {
        Objects.requireNonNull(data, "data");
        Objects.checkFromIndexSize(offset, length, data.length);
        return length == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(data, offset, offset + length));
    }

    /**
     * Returns the bytes from {@code from} (inclusive) to {@code to} (exclusive) of this byte
     * string, copied: for splitting a record without copying it whole first.
     */
    public Bytes slice(int from, int to) {
        Objects.checkFromToIndex(from, to, data.length);
        return to == from ? EMPTY : new Bytes(Arrays.copyOfRange(data, from, to));
    }

    /** Returns the UTF-8 encoding of {@code text}. */
    public static Bytes utf8(String text) {
        Objects.requireNonNull(text, "text");
        return new Bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the Latin-1 encoding of {@code text}; characters above U+00FF are rejected. */
    public static Bytes latin1(String text) {
        Objects.requireNonNull(text, "text");
        byte[] out = new byte[text.length()];
        for (int i = 0; i < out.length; i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                throw new IllegalArgumentException(
                        "character U+" + Integer.toHexString(c) + " at index " + i + " is not Latin-1");
            }
            out[i] = (byte) c;
        }
        return new Bytes(out);
    }

    /** The number of bytes. */
    public int length() {
        return data.length;
    }

    /** True when this byte string has no bytes. */
    public boolean isEmpty() {
        return data.length == 0;
    }

    /** The byte at {@code index}, as a signed Java byte. */
    public byte byteAt(int index) {
        return data[index];
    }

    /** A fresh copy of the bytes. */
    public byte[] toByteArray() {
        return data.clone();
    }

    /**
     * Copies the bytes into {@code dest} from {@code destOffset}: for code that packs many byte
     * strings into one array (a hash table's key arena, say) without a copy per string.
     */
    public void copyTo(byte[] dest, int destOffset) {
        System.arraycopy(data, 0, dest, destOffset, data.length);
    }

    /**
     * True when {@code length} bytes of {@code array} from {@code offset} are exactly these
     * bytes: {@code equals} against bytes stored elsewhere, without making a {@code Bytes} of them.
     */
    public boolean contentEquals(byte[] array, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, array.length);
        return length == data.length && Arrays.equals(data, 0, length, array, offset, offset + length);
    }

    /**
     * True when {@code to - from} bytes of {@code array} from {@code offset} equal the bytes from
     * {@code from} to {@code to} of this byte string: {@code slice(from, to).contentEquals(array,
     * offset, to - from)} without the slice.
     */
    public boolean rangeEquals(int from, int to, byte[] array, int offset) {
        Objects.checkFromToIndex(from, to, data.length);
        Objects.checkFromIndexSize(offset, to - from, array.length);
        return Arrays.equals(data, from, to, array, offset, offset + to - from);
    }

    /**
     * The {@link #hashCode} that {@code slice(from, to)} has, without making the slice: a hash
     * table can look up a word of a line before it decides to copy the word.
     */
    public int hashCode(int from, int to) {
        Objects.checkFromToIndex(from, to, data.length);
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + data[i];
        }
        return h;
    }

    /** Writes the bytes to {@code out} without copying them. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(data);
    }

    /** Decodes the bytes with {@code charset}, replacing malformed input. */
    public String toString(Charset charset) {
        return new String(data, charset);
    }

    /** Decodes the bytes as UTF-8, replacing malformed input with U+FFFD. */
    public String utf8String() {
        return new String(data, StandardCharsets.UTF_8);
    }

    /** Compares unsigned byte by byte, then by length: the order of Python byte strings. */
    @Override
    public int compareTo(Bytes other) {
        return Arrays.compareUnsigned(data, other.data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes && Arrays.equals(data, ((Bytes) o).data);
    }

    /**
     * {@link Arrays#hashCode(byte[])} of the bytes, computed by {@link #hashCode(int, int)} over the
     * whole: one computation, so that a hash table finds a key whether it came whole or as a range.
     */
    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = hashCode(0, data.length);
            hash = h;
        }
        return h;
    }

    /**
     * A Python-like literal, e.g. {@code b'ab\x00'}, for messages and debugging; printable ASCII
     * stays as is, everything else is escaped.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(data.length + 3).append("b'");
        for (byte b : data) {
            int c = b & 0xFF;
            if (c == '\\' || c == '\'') {
                sb.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7F) {
                sb.append((char) c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\r') {
                sb.append("\\r");
            } else {
                sb.append(String.format("\\x%02x", c));
            }
        }
        return sb.append('\'').toString();
    }
}
