package io.jdisco.modutil.internal;

import io.jdisco.modutil.ModUtilException;

/**
 * A cursor over the bytes of one class file (big-endian, JVMS §4.1). Running past the end
 * raises an error naming the class file and the offset, never an index exception.
 */
final class ClassBytes {
    private final byte[] bytes;
    private final String source;
    private int pos;

    ClassBytes(byte[] bytes, String source) {
        this.bytes = bytes;
        this.source = source;
    }

    int u1() {
        need(1);
        return bytes[pos++] & 0xFF;
    }

    int u2() {
        need(2);
        int v = ((bytes[pos] & 0xFF) << 8) | (bytes[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    int u4() {
        need(4);
        int v = ((bytes[pos] & 0xFF) << 24) | ((bytes[pos + 1] & 0xFF) << 16)
                | ((bytes[pos + 2] & 0xFF) << 8) | (bytes[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    /** Signed big-endian 32-bit value at absolute offset {@code at} (switch operands). */
    int s4At(int at) {
        if (at < 0 || at + 4 > bytes.length) {
            throw malformed("truncated instruction operand", at);
        }
        return ((bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16)
                | ((bytes[at + 2] & 0xFF) << 8) | (bytes[at + 3] & 0xFF);
    }

    int u1At(int at) {
        if (at < 0 || at >= bytes.length) {
            throw malformed("truncated instruction", at);
        }
        return bytes[at] & 0xFF;
    }

    int u2At(int at) {
        return (u1At(at) << 8) | u1At(at + 1);
    }

    void skip(long n) {
        if (n < 0 || n > bytes.length - pos) {
            throw malformed("length " + n + " runs past the end", pos);
        }
        pos += (int) n;
    }

    int position() {
        return pos;
    }

    void position(int newPos) {
        pos = newPos;
    }

    byte[] array() {
        return bytes;
    }

    String source() {
        return source;
    }

    /** An error naming the class file and {@code offset}. */
    ModUtilException malformed(String detail, int offset) {
        return new ModUtilException("Malformed class file " + source + ": " + detail
                + " at offset " + offset, null);
    }

    private void need(int n) {
        if (n > bytes.length - pos) {
            throw malformed("truncated", pos);
        }
    }
}
