package io.jdisco.taskio.internal;

import io.jdisco.taskio.RecordCodec;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.DataException;
import io.jdisco.worker.Tuple;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A safe pickle reader (SPEC §7.5): a stack machine over a byte array that understands the data
 * opcodes of protocols 0–4 and exactly three globals ({@code _codecs.encode} for Python 3
 * {@code bytes}, {@code bytes} and {@code set}); it never constructs any other object.
 *
 * <p>Every length read from the input is checked against the bytes that remain before anything
 * is allocated, so memory use is bounded by the input size. Not thread-safe; buffers are reused
 * from record to record.
 */
public final class PickleDecoder implements RecordCodec.Decoder {
    /** Python 3.11's default limit on decimal digits, which also keeps parsing linear-ish. */
    static final int MAX_DECIMAL_DIGITS = 4300;
    private static final int MAX_HASHABLE_DEPTH = 100;
    private static final int MEMO_ARRAY_LIMIT = 1 << 16;

    private static final Object NULL_IN_MEMO = new Object();

    private Object[] stack = new Object[32];
    private int sp;
    private int[] marks = new int[16];
    private int mp;
    private Object[] memo = new Object[64];
    private int memoHigh = -1;
    private Map<Long, Object> bigMemo;

    private byte[] data;
    private int pos;
    private int limit;

    @Override
    public int end() {
        return pos;
    }

    @Override
    public Object decode(byte[] bytes, int offset, int lim) throws DataException {
        this.data = bytes;
        this.pos = offset;
        this.limit = lim;
        sp = 0;
        mp = 0;
        try {
            return run();
        } catch (DataException e) {
            throw e;
        } catch (RuntimeException e) {
            // A malformed pickle that slipped past the explicit checks (a wrong type on the stack,
            // say) is still bad data, never a bug to surface as a crash.
            throw new DataException("corrupt pickle at byte " + pos + ": " + e, null, e);
        } finally {
            clearMemo();
            this.data = null;
        }
    }

    private Object run() throws DataException {
        while (true) {
            if (pos >= limit) {
                throw truncated("pickle data ends at byte " + pos + " without a STOP opcode");
            }
            int op = data[pos++] & 0xFF;
            switch (op) {
                case '(': pushMark(); break;
                case 'U': { int n = u8(); push(Bytes.of(data, take(n), n)); break; }
                case 'T': { int n = len32(); push(Bytes.of(data, take(n), n)); break; }
                case 'C': { int n = u8(); push(Bytes.of(data, take(n), n)); break; }
                case 'B': { int n = len32(); push(Bytes.of(data, take(n), n)); break; }
                case 0x8e: { int n = len64(); push(Bytes.of(data, take(n), n)); break; }
                case 'X': { int n = len32(); push(utf8(take(n), n)); break; }
                case 0x8c: { int n = u8(); push(utf8(take(n), n)); break; }
                case 0x8d: { int n = len64(); push(utf8(take(n), n)); break; }
                case 'K': push((long) u8()); break;
                case 'M': { int lo = u8(); push((long) (lo | u8() << 8)); break; }
                case 'J': push((long) int32()); break;
                case 't': { int m = popMark(); push(tupleFrom(m)); break; }
                case ')': push(Tuple.EMPTY); break;
                case 0x85: push(tupleOfTop(1)); break;
                case 0x86: push(tupleOfTop(2)); break;
                case 0x87: push(tupleOfTop(3)); break;
                case 'q': memoPut(u8()); break;
                case 'r': memoPut(int32() & 0xFFFFFFFFL); break;
                case 'p': memoPut(decimalIndex(line())); break;
                case 0x94: memoPut(memoHigh + 1L); break;
                case 'h': push(memoGet(u8())); break;
                case 'j': push(memoGet(int32() & 0xFFFFFFFFL)); break;
                case 'g': push(memoGet(decimalIndex(line()))); break;
                case '.': return stop();
                case 'N': push(null); break;
                case 0x88: push(Boolean.TRUE); break;
                case 0x89: push(Boolean.FALSE); break;
                case 'I': push(PickleText.parseIntOpcode(line())); break;
                case 'L': push(PickleText.parseLongOpcode(line())); break;
                case 0x8a: { int n = u8(); push(PickleText.longFromLittleEndian(data, take(n), n)); break; }
                case 0x8b: { int n = len32(); push(PickleText.longFromLittleEndian(data, take(n), n)); break; }
                case 'G': push(Double.longBitsToDouble(int64BigEndian())); break;
                case 'F': push(PickleText.parseFloat(line())); break;
                case 'S': push(PickleText.parseQuotedString(line())); break;
                case 'V': push(PickleText.parseRawUnicodeEscape(line())); break;
                case ']': push(new ArrayList<>()); break;
                case 'l': { int m = popMark(); push(listFrom(m)); break; }
                case 'a': { Object v = pop(); asList(peek()).add(v); break; }
                case 'e': appends(popMark()); break;
                case '}': push(new LinkedHashMap<>()); break;
                case 'd': { int m = popMark(); Map<Object, Object> d = new LinkedHashMap<>(); setItems(d, m); push(d); break; }
                case 's': { Object v = pop(); Object k = pop(); asMap(peek()).put(hashable(k), value(v)); break; }
                case 'u': { int m = popMark(); setItems(asMap(stackAt(m - 1)), m); break; }
                case 0x8f: push(new LinkedHashSet<>()); break;
                case 0x90: { int m = popMark(); addItems(asSet(stackAt(m - 1)), m); break; }
                case 0x91: { int m = popMark(); Set<Object> s = new LinkedHashSet<>(); addItems(s, m); push(Collections.unmodifiableSet(s)); break; }
                case '0': pop(); break;
                case '1': sp = popMark(); break;
                case '2': push(peek()); break;
                case 0x80: proto(); break;
                case 0x95: len64(); break; // FRAME: advisory length of the next frame, nothing to do
                case 'c': push(PickleGlobal.resolve(lineAscii(), lineAscii())); break;
                case 0x93: { Object name = pop(); push(PickleGlobal.resolve(asText(pop()), asText(name))); break; }
                case 'R': { Object args = pop(); push(PickleGlobal.apply(pop(), args)); break; }
                default:
                    throw new DataException(String.format(
                            "unsupported pickle content: opcode 0x%02x at byte %d", op, pos - 1), null);
            }
        }
    }

    private Object stop() throws DataException {
        if (sp < 1) {
            throw new DataException("corrupt pickle: STOP with an empty stack at byte " + (pos - 1), null);
        }
        return value(stack[sp - 1]);
    }

    private void proto() throws DataException {
        int v = u8();
        if (v > 5) {
            throw new DataException("unsupported pickle content: protocol " + v, null);
        }
    }

    // ---- stack --------------------------------------------------------------------------

    private void push(Object o) {
        if (sp == stack.length) {
            stack = Arrays.copyOf(stack, sp * 2);
        }
        stack[sp++] = o;
    }

    private Object pop() throws DataException {
        if (sp <= (mp > 0 ? marks[mp - 1] : 0)) {
            throw new DataException("corrupt pickle: stack underflow at byte " + (pos - 1), null);
        }
        return stack[--sp];
    }

    private Object peek() throws DataException {
        if (sp <= (mp > 0 ? marks[mp - 1] : 0)) {
            throw new DataException("corrupt pickle: stack underflow at byte " + (pos - 1), null);
        }
        return stack[sp - 1];
    }

    private Object stackAt(int i) throws DataException {
        if (i < 0 || i >= sp) {
            throw new DataException("corrupt pickle: stack underflow at byte " + (pos - 1), null);
        }
        return stack[i];
    }

    private void pushMark() {
        if (mp == marks.length) {
            marks = Arrays.copyOf(marks, mp * 2);
        }
        marks[mp++] = sp;
    }

    private int popMark() throws DataException {
        if (mp == 0) {
            throw new DataException("corrupt pickle: no MARK before byte " + (pos - 1), null);
        }
        return marks[--mp];
    }

    private Tuple tupleFrom(int m) throws DataException {
        int n = sp - m;
        if (n == 2) {
            Tuple pair = Tuple.pair(value(stack[m]), value(stack[m + 1]));
            sp = m;
            return pair;
        }
        Object[] items = new Object[n];
        for (int i = 0; i < n; i++) {
            items[i] = value(stack[m + i]);
        }
        sp = m;
        return Tuple.of(items);
    }

    private Tuple tupleOfTop(int n) throws DataException {
        int base = mp > 0 ? marks[mp - 1] : 0;
        if (sp - base < n) {
            throw new DataException("corrupt pickle: stack underflow at byte " + (pos - 1), null);
        }
        return tupleFrom(sp - n);
    }

    private List<Object> listFrom(int m) throws DataException {
        List<Object> list = new ArrayList<>(sp - m);
        for (int i = m; i < sp; i++) {
            list.add(value(stack[i]));
        }
        sp = m;
        return list;
    }

    private void appends(int m) throws DataException {
        List<Object> list = asList(stackAt(m - 1));
        for (int i = m; i < sp; i++) {
            list.add(value(stack[i]));
        }
        sp = m;
    }

    private void setItems(Map<Object, Object> map, int m) throws DataException {
        if (((sp - m) & 1) != 0) {
            throw new DataException("corrupt pickle: odd number of items for a dict at byte " + (pos - 1), null);
        }
        for (int i = m; i < sp; i += 2) {
            map.put(hashable(stack[i]), value(stack[i + 1]));
        }
        sp = m;
    }

    private void addItems(Set<Object> set, int m) throws DataException {
        for (int i = m; i < sp; i++) {
            set.add(hashable(stack[i]));
        }
        sp = m;
    }

    /** A value stored into a container or returned: never a bare global such as a function. */
    private Object value(Object o) throws DataException {
        if (o instanceof PickleGlobal) {
            throw new DataException("unsupported pickle content: bare global " + o, null);
        }
        return o;
    }

    /** A dict key or set member: Python allows only hashable (immutable) values there. */
    private Object hashable(Object o) throws DataException {
        checkHashable(value(o), 0);
        return o;
    }

    static void checkHashable(Object o, int depth) throws DataException {
        if (o instanceof Tuple) {
            if (depth >= MAX_HASHABLE_DEPTH) {
                throw new DataException("unsupported pickle content: key nested deeper than "
                        + MAX_HASHABLE_DEPTH, null);
            }
            for (Object e : (Tuple) o) {
                checkHashable(e, depth + 1);
            }
        } else if (o instanceof List || o instanceof Map || o instanceof Set) {
            throw new DataException("corrupt pickle: unhashable "
                    + o.getClass().getSimpleName() + " used as a key", null);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object> asList(Object o) throws DataException {
        if (o instanceof ArrayList) {
            return (List<Object>) o;
        }
        throw typeError("list", o);
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> asMap(Object o) throws DataException {
        if (o instanceof LinkedHashMap) {
            return (Map<Object, Object>) o;
        }
        throw typeError("dict", o);
    }

    @SuppressWarnings("unchecked")
    private Set<Object> asSet(Object o) throws DataException {
        if (o instanceof LinkedHashSet) {
            return (Set<Object>) o;
        }
        throw typeError("set", o);
    }

    private String asText(Object o) throws DataException {
        if (o instanceof String) {
            return (String) o;
        }
        throw typeError("str", o);
    }

    private DataException typeError(String wanted, Object got) {
        return new DataException("corrupt pickle: expected a " + wanted + " on the stack at byte "
                + (pos - 1) + ", found " + (got == null ? "None" : got.getClass().getSimpleName()), null);
    }

    // ---- memo ---------------------------------------------------------------------------

    private void memoPut(long index) throws DataException {
        Object top = peek();
        if (index < MEMO_ARRAY_LIMIT) {
            int i = (int) index;
            if (i >= memo.length) {
                memo = Arrays.copyOf(memo, Math.max(i + 1, memo.length * 2));
            }
            memo[i] = top == null ? NULL_IN_MEMO : top;
            memoHigh = Math.max(memoHigh, i);
        } else {
            if (bigMemo == null) {
                bigMemo = new HashMap<>();
            }
            bigMemo.put(index, top == null ? NULL_IN_MEMO : top);
        }
    }

    private Object memoGet(long index) throws DataException {
        Object o = null;
        if (index < MEMO_ARRAY_LIMIT) {
            if (index <= memoHigh) {
                o = memo[(int) index];
            }
        } else if (bigMemo != null) {
            o = bigMemo.get(index);
        }
        if (o == null) {
            throw new DataException("corrupt pickle: memo key " + index + " not found at byte " + (pos - 1), null);
        }
        return o == NULL_IN_MEMO ? null : o;
    }

    private void clearMemo() {
        if (memoHigh >= 0) {
            Arrays.fill(memo, 0, memoHigh + 1, null);
            memoHigh = -1;
        }
        if (bigMemo != null) {
            bigMemo = null;
        }
    }

    // ---- raw reads ----------------------------------------------------------------------

    /** Reserves {@code n} bytes and returns their start; fails when fewer remain. */
    private int take(int n) throws DataException {
        if (n < 0 || n > limit - pos) {
            throw truncated("pickle declares " + (n & 0xFFFFFFFFL) + " bytes at byte " + pos
                    + " but only " + (limit - pos) + " remain");
        }
        int start = pos;
        pos += n;
        return start;
    }

    private int u8() throws DataException {
        return data[take(1)] & 0xFF;
    }

    private int int32() throws DataException {
        int p = take(4);
        return (data[p] & 0xFF) | (data[p + 1] & 0xFF) << 8 | (data[p + 2] & 0xFF) << 16 | data[p + 3] << 24;
    }

    private int len32() throws DataException {
        int n = int32();
        if (n < 0) {
            throw truncated("pickle declares " + (n & 0xFFFFFFFFL) + " bytes at byte " + (pos - 4));
        }
        return n;
    }

    private int len64() throws DataException {
        int p = take(8);
        long lo = int32At(p) & 0xFFFFFFFFL;
        long hi = int32At(p + 4);
        if (hi != 0 || lo > Integer.MAX_VALUE) {
            throw truncated("pickle declares a length of more than 2 GiB at byte " + p);
        }
        return (int) lo;
    }

    private int int32At(int p) {
        return (data[p] & 0xFF) | (data[p + 1] & 0xFF) << 8 | (data[p + 2] & 0xFF) << 16 | data[p + 3] << 24;
    }

    private long int64BigEndian() throws DataException {
        int p = take(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (data[p + i] & 0xFF);
        }
        return v;
    }

    /** The bytes up to the next {@code \n} (excluded), which is consumed. */
    private byte[] line() throws DataException {
        for (int i = pos; i < limit; i++) {
            if (data[i] == '\n') {
                byte[] text = Arrays.copyOfRange(data, pos, i);
                pos = i + 1;
                return text;
            }
        }
        throw truncated("pickle line argument at byte " + pos + " has no end of line");
    }

    private String lineAscii() throws DataException {
        return new String(line(), StandardCharsets.ISO_8859_1);
    }

    private long decimalIndex(byte[] text) throws DataException {
        long v = 0;
        if (text.length == 0 || text.length > 10) {
            throw new DataException("corrupt pickle: bad memo key at byte " + pos, null);
        }
        for (byte b : text) {
            if (b < '0' || b > '9') {
                throw new DataException("corrupt pickle: bad memo key at byte " + pos, null);
            }
            v = v * 10 + (b - '0');
        }
        return v;
    }

    private String utf8(int start, int n) throws DataException {
        for (int i = start, end = start + n; i < end; i++) {
            if (data[i] < 0) {
                return PickleText.strictUtf8(data, start, n);
            }
        }
        return new String(data, start, n, StandardCharsets.ISO_8859_1);
    }

    private static DataException truncated(String detail) {
        return new DataException("corrupt pickle: " + detail, null);
    }
}
