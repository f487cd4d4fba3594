package io.jdisco.taskio.internal.pickle;

import io.jdisco.worker.DataException;
import io.jdisco.worker.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The type checks the pickle decoder applies to what it finds on its stack (SPEC §7.5): a value
 * stored or returned must not be a bare global, a dict key or set member must be hashable as in
 * Python, and an opcode that mutates a container must find that kind of container. Each failure is
 * a {@link DataException} naming the byte offset, so that a corrupt pickle is bad data, never a
 * {@link ClassCastException}.
 */
final class PickleValues {
    /** Deeper keys than this are refused rather than checked recursively without bound. */
    private static final int MAX_HASHABLE_DEPTH = 100;

    private PickleValues() {
    }

    /** {@code o} as a value to store into a container or return: never a bare global such as a function. */
    static Object value(Object o) throws DataException {
        if (o instanceof PickleGlobal) {
            throw new DataException("unsupported pickle content: bare global " + o, null);
        }
        return o;
    }

    /** {@code o} as a dict key or set member: Python allows only hashable (immutable) values there. */
    static Object hashable(Object o) throws DataException {
        checkHashable(value(o), 0);
        return o;
    }

    /** Fails when {@code o}, nested {@code depth} tuples deep, is or holds a list, dict or set. */
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

    /** {@code o} as a list the decoder built ({@code APPEND}/{@code APPENDS} target); {@code at} names the opcode. */
    @SuppressWarnings("unchecked")
    static List<Object> asList(Object o, int at) throws DataException {
        if (o instanceof ArrayList) {
            return (List<Object>) o;
        }
        throw typeError("list", o, at);
    }

    /** {@code o} as a dict the decoder built ({@code SETITEM}/{@code SETITEMS} target). */
    @SuppressWarnings("unchecked")
    static Map<Object, Object> asMap(Object o, int at) throws DataException {
        if (o instanceof LinkedHashMap) {
            return (Map<Object, Object>) o;
        }
        throw typeError("dict", o, at);
    }

    /** {@code o} as a set the decoder built ({@code ADDITEMS} target). */
    @SuppressWarnings("unchecked")
    static Set<Object> asSet(Object o, int at) throws DataException {
        if (o instanceof LinkedHashSet) {
            return (Set<Object>) o;
        }
        throw typeError("set", o, at);
    }

    /** {@code o} as a module or attribute name of {@code STACK_GLOBAL}. */
    static String asText(Object o, int at) throws DataException {
        if (o instanceof String) {
            return (String) o;
        }
        throw typeError("str", o, at);
    }

    private static DataException typeError(String wanted, Object got, int at) {
        return new DataException("corrupt pickle: expected a " + wanted + " on the stack at byte "
                + at + ", found " + (got == null ? "None" : got.getClass().getSimpleName()), null);
    }
}
