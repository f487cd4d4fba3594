package io.jdisco.taskio.internal.pickle;

import static io.jdisco.taskio.internal.pickle.PickleValues.hashable;
import static io.jdisco.taskio.internal.pickle.PickleValues.value;

import io.jdisco.worker.DataException;
import io.jdisco.worker.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pickle machine's stack and mark stack (SPEC §7.5), with the opcodes that build a container
 * from the items above a mark. Plain arrays, reused from record to record, because every opcode
 * of every record touches them. A pop never reaches below the innermost mark: Python's unpickler
 * refuses that too, and it keeps a corrupt pickle from eating items of an enclosing container.
 *
 * <p>Methods that can fail take {@code at}, the byte offset the error names. Not thread-safe.
 */
final class PickleStack {
    private Object[] items = new Object[32];
    private int sp;
    private int[] marks = new int[16];
    private int mp;

    /** Empties both stacks for the next pickle (the arrays are kept). */
    void reset() {
        sp = 0;
        mp = 0;
    }

    /** The number of items on the stack. */
    int size() {
        return sp;
    }

    /** The top item, for {@code STOP}; the caller checks {@link #size} first. */
    Object top() {
        return items[sp - 1];
    }

    /** Pushes {@code o}. */
    void push(Object o) {
        if (sp == items.length) {
            items = Arrays.copyOf(items, sp * 2);
        }
        items[sp++] = o;
    }

    /** Pops the top item. */
    Object pop(int at) throws DataException {
        if (sp <= floor()) {
            throw underflow(at);
        }
        return items[--sp];
    }

    /** The top item, left in place. */
    Object peek(int at) throws DataException {
        if (sp <= floor()) {
            throw underflow(at);
        }
        return items[sp - 1];
    }

    /** The item at index {@code i} from the bottom: the container below a mark. */
    Object get(int i, int at) throws DataException {
        if (i < 0 || i >= sp) {
            throw underflow(at);
        }
        return items[i];
    }

    /** {@code MARK}: remembers the current height. */
    void mark() {
        if (mp == marks.length) {
            marks = Arrays.copyOf(marks, mp * 2);
        }
        marks[mp++] = sp;
    }

    /** Removes the innermost mark and returns the height it remembered. */
    int popMark(int at) throws DataException {
        if (mp == 0) {
            throw new DataException("corrupt pickle: no MARK before byte " + at, null);
        }
        return marks[--mp];
    }

    /** {@code POP_MARK}: drops everything above the innermost mark, and the mark. */
    void popToMark(int at) throws DataException {
        sp = popMark(at);
    }

    /** {@code TUPLE}: the items from height {@code m} up, as a tuple replacing them. */
    Tuple tupleFrom(int m) throws DataException {
        int n = sp - m;
        if (n == 2) {
            Tuple pair = Tuple.pair(value(items[m]), value(items[m + 1]));
            sp = m;
            return pair;
        }
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            out[i] = value(items[m + i]);
        }
        sp = m;
        return Tuple.of(out);
    }

    /** {@code TUPLE1}..{@code TUPLE3}: the top {@code n} items as a tuple. */
    Tuple tupleOfTop(int n, int at) throws DataException {
        if (sp - floor() < n) {
            throw underflow(at);
        }
        return tupleFrom(sp - n);
    }

    /** {@code LIST}: the items from height {@code m} up, as a new list. */
    List<Object> listFrom(int m) throws DataException {
        List<Object> list = new ArrayList<>(sp - m);
        appendTo(list, m);
        return list;
    }

    /** {@code APPENDS}: moves the items from height {@code m} up into {@code list}. */
    void appendTo(List<Object> list, int m) throws DataException {
        for (int i = m; i < sp; i++) {
            list.add(value(items[i]));
        }
        sp = m;
    }

    /** {@code DICT}/{@code SETITEMS}: moves the key/value pairs from height {@code m} up into {@code map}. */
    void putItems(Map<Object, Object> map, int m, int at) throws DataException {
        if (((sp - m) & 1) != 0) {
            throw new DataException("corrupt pickle: odd number of items for a dict at byte " + at, null);
        }
        for (int i = m; i < sp; i += 2) {
            map.put(hashable(items[i]), value(items[i + 1]));
        }
        sp = m;
    }

    /** {@code FROZENSET}/{@code ADDITEMS}: moves the items from height {@code m} up into {@code set}. */
    void addItems(Set<Object> set, int m) throws DataException {
        for (int i = m; i < sp; i++) {
            set.add(hashable(items[i]));
        }
        sp = m;
    }

    /** The lowest height a pop may reach: the innermost mark, else the bottom. */
    private int floor() {
        return mp > 0 ? marks[mp - 1] : 0;
    }

    private static DataException underflow(int at) {
        return new DataException("corrupt pickle: stack underflow at byte " + at, null);
    }
}
