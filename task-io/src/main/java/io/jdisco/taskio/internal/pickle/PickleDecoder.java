package io.jdisco.taskio.internal.pickle;

import static io.jdisco.taskio.internal.pickle.PickleValues.asList;
import static io.jdisco.taskio.internal.pickle.PickleValues.asMap;
import static io.jdisco.taskio.internal.pickle.PickleValues.asSet;
import static io.jdisco.taskio.internal.pickle.PickleValues.asText;
import static io.jdisco.taskio.internal.pickle.PickleValues.hashable;
import static io.jdisco.taskio.internal.pickle.PickleValues.value;

import io.jdisco.taskio.RecordCodec;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.DataException;
import io.jdisco.worker.Tuple;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 *
 * <p>This class reads opcodes and their arguments; {@link PickleStack} holds the stack and builds
 * containers, {@link PickleMemo} holds the memo, {@link PickleValues} checks what is found on the
 * stack, {@link PickleText} parses the text-form arguments and {@link PickleGlobal} the globals.
 */
public final class PickleDecoder implements RecordCodec.Decoder {
    /** Python 3.11's default limit on decimal digits, which also keeps parsing linear-ish. */
    static final int MAX_DECIMAL_DIGITS = 4300;

    private final PairFastPath fastPath = new PairFastPath();
    private final PickleStack stack = new PickleStack();
    private final PickleMemo memo = new PickleMemo();

    private byte[] data;
    private int pos;
    private int limit;

    @Override
    public int end() {
        return pos;
    }

    @Override
    public Object decode(byte[] bytes, int offset, int lim) throws DataException {
        Object fast = fastPath.decode(bytes, offset, lim);
        if (fast != PairFastPath.MISMATCH) {
            pos = fastPath.end();
            return fast;
        }
        this.data = bytes;
        this.pos = offset;
        this.limit = lim;
        stack.reset();
        try {
            return run();
        } catch (DataException e) {
            throw e;
        } catch (RuntimeException e) {
            // A malformed pickle that slipped past the explicit checks (a wrong type on the stack,
            // say) is still bad data, never a bug to surface as a crash.
            throw new DataException("corrupt pickle at byte " + pos + ": " + e, null, e);
        } finally {
            memo.clear();
            this.data = null;
        }
    }

    private Object run() throws DataException {
        while (true) {
            if (pos >= limit) {
                throw truncated("pickle data ends at byte " + pos + " without a STOP opcode");
            }
            int at = pos; // the opcode's offset, which errors name
            int op = data[pos++] & 0xFF;
            switch (op) {
                case '(': stack.mark(); break;
                case 'U': { int n = u8(); stack.push(Bytes.of(data, take(n), n)); break; }
                case 'T': { int n = len32(); stack.push(Bytes.of(data, take(n), n)); break; }
                case 'C': { int n = u8(); stack.push(Bytes.of(data, take(n), n)); break; }
                case 'B': { int n = len32(); stack.push(Bytes.of(data, take(n), n)); break; }
                case 0x8e: { int n = len64(); stack.push(Bytes.of(data, take(n), n)); break; }
                case 'X': { int n = len32(); stack.push(utf8(take(n), n)); break; }
                case 0x8c: { int n = u8(); stack.push(utf8(take(n), n)); break; }
                case 0x8d: { int n = len64(); stack.push(utf8(take(n), n)); break; }
                case 'K': stack.push((long) u8()); break;
                case 'M': { int lo = u8(); stack.push((long) (lo | u8() << 8)); break; }
                case 'J': stack.push((long) int32()); break;
                case 't': { int m = stack.popMark(at); stack.push(stack.tupleFrom(m)); break; }
                case ')': stack.push(Tuple.EMPTY); break;
                case 0x85: stack.push(stack.tupleOfTop(1, at)); break;
                case 0x86: stack.push(stack.tupleOfTop(2, at)); break;
                case 0x87: stack.push(stack.tupleOfTop(3, at)); break;
                case 'q': memoPut(u8()); break;
                case 'r': memoPut(int32() & 0xFFFFFFFFL); break;
                case 'p': memoPut(decimalIndex(line())); break;
                case 0x94: memoPut(memo.high() + 1L); break;
                case 'h': stack.push(memoGet(u8())); break;
                case 'j': stack.push(memoGet(int32() & 0xFFFFFFFFL)); break;
                case 'g': stack.push(memoGet(decimalIndex(line()))); break;
                case '.': return stop();
                case 'N': stack.push(null); break;
                case 0x88: stack.push(Boolean.TRUE); break;
                case 0x89: stack.push(Boolean.FALSE); break;
                case 'I': stack.push(PickleText.parseIntOpcode(line())); break;
                case 'L': stack.push(PickleText.parseLongOpcode(line())); break;
                case 0x8a: { int n = u8(); stack.push(PickleText.longFromLittleEndian(data, take(n), n)); break; }
                case 0x8b: { int n = len32(); stack.push(PickleText.longFromLittleEndian(data, take(n), n)); break; }
                case 'G': stack.push(Double.longBitsToDouble(int64BigEndian())); break;
                case 'F': stack.push(PickleText.parseFloat(line())); break;
                case 'S': stack.push(PickleText.parseQuotedString(line())); break;
                case 'V': stack.push(PickleText.parseRawUnicodeEscape(line())); break;
                case ']': stack.push(new ArrayList<>()); break;
                case 'l': { int m = stack.popMark(at); stack.push(stack.listFrom(m)); break; }
                case 'a': { Object v = stack.pop(at); asList(stack.peek(at), at).add(v); break; }
                case 'e': { int m = stack.popMark(at); stack.appendTo(asList(stack.get(m - 1, at), at), m); break; }
                case '}': stack.push(new LinkedHashMap<>()); break;
                case 'd': { int m = stack.popMark(at); Map<Object, Object> d = new LinkedHashMap<>(); stack.putItems(d, m, at); stack.push(d); break; }
                case 's': { Object v = stack.pop(at); Object k = stack.pop(at); asMap(stack.peek(at), at).put(hashable(k), value(v)); break; }
                case 'u': { int m = stack.popMark(at); stack.putItems(asMap(stack.get(m - 1, at), at), m, at); break; }
                case 0x8f: stack.push(new LinkedHashSet<>()); break;
                case 0x90: { int m = stack.popMark(at); stack.addItems(asSet(stack.get(m - 1, at), at), m); break; }
                case 0x91: { int m = stack.popMark(at); Set<Object> s = new LinkedHashSet<>(); stack.addItems(s, m); stack.push(Collections.unmodifiableSet(s)); break; }
                case '0': stack.pop(at); break;
                case '1': stack.popToMark(at); break;
                case '2': stack.push(stack.peek(at)); break;
                case 0x80: proto(); break;
                case 0x95: len64(); break; // FRAME: advisory length of the next frame, nothing to do
                case 'c': stack.push(PickleGlobal.resolve(lineAscii(), lineAscii())); break;
                case 0x93: { Object name = stack.pop(at); stack.push(PickleGlobal.resolve(asText(stack.pop(at), at), asText(name, at))); break; }
                case 'R': { Object args = stack.pop(at); stack.push(PickleGlobal.apply(stack.pop(at), args)); break; }
                default:
                    throw new DataException(String.format(
                            "unsupported pickle content: opcode 0x%02x at byte %d", op, at), null);
            }
        }
    }

    private Object stop() throws DataException {
        if (stack.size() < 1) {
            throw new DataException("corrupt pickle: STOP with an empty stack at byte " + (pos - 1), null);
        }
        return value(stack.top());
    }

    private void proto() throws DataException {
        int v = u8();
        if (v > 5) {
            throw new DataException("unsupported pickle content: protocol " + v, null);
        }
    }

    // ---- memo ---------------------------------------------------------------------------

    private void memoPut(long index) throws DataException {
        memo.put(index, stack.peek(pos - 1));
    }

    private Object memoGet(long index) throws DataException {
        return memo.get(index, pos - 1);
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
