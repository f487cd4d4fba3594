package io.jdisco.taskio.internal.pickle;

import io.jdisco.taskio.RecordCodec;
import io.jdisco.taskio.internal.bytes.ByteBuf;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.Tuple;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes values as Python 2 {@code cPickle.dumps(obj, 1)} does (SPEC §7.5), byte for byte for the
 * records Disco writes: cPickle memoizes (BINPUT) every object it may meet again, which in Disco's
 * {@code add(k, v)} is every byte or unicode string of two or more characters and every non-empty
 * tuple, list and dict; ints, floats, booleans, {@code None} and shorter strings are never
 * memoized. Memo keys count from 1, as cPickle's do.
 *
 * <pre>
 * None   N                      bool   I01\n | I00\n
 * int    K b | M b b | J b*4 (LE) | I&lt;decimal&gt;\n     BigInteger  L&lt;decimal&gt;L\n
 * float  G b*8 (big-endian)     Bytes  U len8 bytes | T len32 bytes
 * String X len32 utf-8          tuple  ) | ( items t
 * list   ] [item a | ( items e] dict   } [k v s | ( k v ... u]   (batches of 1000)
 * record ... .
 * </pre>
 */
public final class PickleEncoder implements RecordCodec.Encoder {
    private static final int BATCH = 1000;
    private static final int MAX_DEPTH = 1000;
    private static final byte[] SET_GLOBAL = "c__builtin__\nset\n".getBytes(StandardCharsets.US_ASCII);

    private final ByteBuf own = new ByteBuf(256);
    private ByteBuf out;
    private int memoNext;

    @Override
    public void encode(Object record, OutputStream sink) throws IOException {
        if (sink instanceof ByteBuf) {
            encodeTo(record, (ByteBuf) sink);
        } else {
            own.reset();
            encodeTo(record, own);
            sink.write(own.array(), 0, own.size());
        }
    }

    /**
     * Appends the pickle of {@code record} to {@code buf}; on an unsupported value nothing is
     * appended and an {@link IllegalArgumentException} names the value's type.
     */
    public void encodeTo(Object record, ByteBuf buf) {
        out = buf;
        memoNext = 1;
        int start = buf.size();
        try {
            save(record, 0);
            buf.write('.');
        } catch (RuntimeException e) {
            buf.truncate(start);
            throw e;
        } finally {
            out = null;
        }
    }

    private void save(Object o, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("record nested deeper than " + MAX_DEPTH
                    + " levels (or a container that contains itself) cannot be pickled");
        }
        if (o == null) {
            out.write('N');
        } else if (o instanceof Bytes) {
            saveBytes((Bytes) o);
        } else if (o instanceof String) {
            saveString((String) o);
        } else if (o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte) {
            saveInt(((Number) o).longValue());
        } else if (o instanceof Tuple) {
            saveTuple((Tuple) o, depth);
        } else if (o instanceof Double || o instanceof Float) {
            saveDouble(((Number) o).doubleValue());
        } else if (o instanceof Boolean) {
            out.ensure(4);
            out.put('I');
            out.put('0');
            out.put((Boolean) o ? '1' : '0');
            out.put('\n');
        } else if (o instanceof BigInteger) {
            out.write('L');
            writeAscii(o.toString());
            out.write('L');
            out.write('\n');
        } else if (o instanceof byte[]) {
            saveBytes(Bytes.of((byte[]) o));
        } else if (o instanceof List) {
            saveList((List<?>) o, depth);
        } else if (o instanceof Map) {
            saveMap((Map<?, ?>) o, depth);
        } else if (o instanceof Set) {
            saveSet((Set<?>) o, depth);
        } else {
            throw new IllegalArgumentException("cannot pickle a value of type " + o.getClass().getName()
                    + "; use String, Bytes, Long, Integer, BigInteger, Double, Boolean, null, Tuple, List,"
                    + " Map or Set");
        }
    }

    private void saveBytes(Bytes b) {
        int n = b.length();
        out.ensure(5);
        if (n < 256) {
            out.put('U');
            out.put(n);
        } else {
            out.put('T');
            out.putIntLe(n);
        }
        try {
            b.writeTo(out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        if (n >= 2) {
            put();
        }
    }

    private void saveString(String s) {
        int chars = s.length();
        out.ensure(5 + chars * 3);
        out.put('X');
        int lenAt = out.size();
        out.putIntLe(0);
        byte[] a = out.array();
        int p = out.size();
        for (int i = 0; i < chars; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                a[p++] = (byte) c;
            } else if (c < 0x800) {
                a[p++] = (byte) (0xC0 | c >> 6);
                a[p++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= chars || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw new IllegalArgumentException("string has an unpaired surrogate at index " + i
                            + " and cannot be encoded as UTF-8");
                }
                int cp = Character.toCodePoint(c, s.charAt(++i));
                a[p++] = (byte) (0xF0 | cp >> 18);
                a[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                a[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                a[p++] = (byte) (0x80 | cp & 0x3F);
            } else {
                a[p++] = (byte) (0xE0 | c >> 12);
                a[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                a[p++] = (byte) (0x80 | c & 0x3F);
            }
        }
        int n = p - lenAt - 4;
        out.advance(n);
        out.setIntLe(lenAt, n);
        // Python 2 (UCS-4 build) counts code points: a single character is never memoized.
        boolean single = chars < 2 || chars == 2 && Character.isSurrogatePair(s.charAt(0), s.charAt(1));
        if (!single) {
            put();
        }
    }

    private void saveInt(long v) {
        out.ensure(5);
        if (v >= 0 && v < 256) {
            out.put('K');
            out.put((int) v);
        } else if (v >= 0 && v < 65536) {
            out.put('M');
            out.put((int) v);
            out.put((int) (v >>> 8));
        } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            out.put('J');
            out.putIntLe((int) v);
        } else {
            out.put('I');
            writeAscii(Long.toString(v));
            out.write('\n');
        }
    }

    private void saveDouble(double d) {
        long bits = Double.doubleToRawLongBits(d);
        out.ensure(9);
        out.put('G');
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.put((int) (bits >>> shift));
        }
    }

    private void saveTuple(Tuple t, int depth) {
        if (t.isEmpty()) {
            out.write(')');
            return;
        }
        out.write('(');
        for (int i = 0, n = t.size(); i < n; i++) {
            save(t.get(i), depth + 1);
        }
        out.write('t');
        put();
    }

    private void saveList(List<?> list, int depth) {
        out.write(']');
        put();
        saveBatched(list.iterator(), list.size(), depth, 'a', 'e', false);
    }

    private void saveSet(Set<?> set, int depth) {
        out.write(SET_GLOBAL, 0, SET_GLOBAL.length);
        out.write('(');
        out.write(']');
        saveBatched(set.iterator(), set.size(), depth, 'a', 'e', false);
        out.write('t');
        out.write('R');
    }

    private void saveMap(Map<?, ?> map, int depth) {
        out.write('}');
        put();
        saveBatched(map.entrySet().iterator(), map.size(), depth, 's', 'u', true);
    }

    /** cPickle's batch_list/batch_dict: one item with APPEND/SETITEM, else MARK items APPENDS per 1000. */
    private void saveBatched(Iterator<?> it, int size, int depth, char one, char many, boolean pairs) {
        int left = size;
        while (left > 0) {
            int n = Math.min(BATCH, left);
            if (n > 1) {
                out.write('(');
            }
            for (int i = 0; i < n; i++) {
                Object item = it.next();
                if (pairs) {
                    Map.Entry<?, ?> e = (Map.Entry<?, ?>) item;
                    save(e.getKey(), depth + 1);
                    save(e.getValue(), depth + 1);
                } else {
                    save(item, depth + 1);
                }
            }
            out.write(n > 1 ? many : one);
            left -= n;
        }
    }

    private void put() {
        int index = memoNext++;
        out.ensure(5);
        if (index < 256) {
            out.put('q');
            out.put(index);
        } else {
            out.put('r');
            out.putIntLe(index);
        }
    }

    private void writeAscii(String s) {
        out.ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            out.put(s.charAt(i));
        }
    }
}
