package io.jdisco.taskio.internal.pickle;

import io.jdisco.worker.DataException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The memo of one pickle being decoded: the table that {@code PUT}/{@code BINPUT}/{@code MEMOIZE}
 * fill and {@code GET}/{@code BINGET} read (SPEC §7.5). Python 2's {@code cPickle} memoizes every
 * string and container it writes, so lookups must be cheap: small indexes live in an array that is
 * reused from record to record, and only the rare index of {@value #ARRAY_LIMIT} or more falls back
 * to a map, so that a hostile index cannot make us allocate a huge array. Not thread-safe.
 */
final class PickleMemo {
    /** Indexes below this live in the array. */
    static final int ARRAY_LIMIT = 1 << 16;

    /** Stands for a memoized {@code None}, so that an empty slot ({@code null}) stays distinguishable. */
    private static final Object NULL_IN_MEMO = new Object();

    private Object[] slots = new Object[64];
    private int high = -1;
    private Map<Long, Object> big;

    /** The highest array index set since the last {@link #clear}, or -1; {@code MEMOIZE} puts at {@code high + 1}. */
    int high() {
        return high;
    }

    /** Remembers {@code value} (possibly {@code null}) under {@code index}. */
    void put(long index, Object value) {
        Object stored = value == null ? NULL_IN_MEMO : value;
        if (index < ARRAY_LIMIT) {
            int i = (int) index;
            if (i >= slots.length) {
                slots = Arrays.copyOf(slots, Math.max(i + 1, slots.length * 2));
            }
            slots[i] = stored;
            high = Math.max(high, i);
        } else {
            if (big == null) {
                big = new HashMap<>();
            }
            big.put(index, stored);
        }
    }

    /**
     * The value under {@code index}.
     *
     * @param at the offset of the opcode, for the error
     * @throws DataException when nothing was put under {@code index}
     */
    Object get(long index, int at) throws DataException {
        Object o = null;
        if (index < ARRAY_LIMIT) {
            if (index <= high) {
                o = slots[(int) index];
            }
        } else if (big != null) {
            o = big.get(index);
        }
        if (o == null) {
            throw new DataException("corrupt pickle: memo key " + index + " not found at byte " + at, null);
        }
        return o == NULL_IN_MEMO ? null : o;
    }

    /** Forgets every entry (each pickle has its own memo), keeping the array for the next record. */
    void clear() {
        if (high >= 0) {
            Arrays.fill(slots, 0, high + 1, null);
            high = -1;
        }
        big = null;
    }
}
