package io.jdisco.worker;

import java.io.Serializable;
import java.util.AbstractList;
import java.util.Collection;
import java.util.RandomAccess;

/**
 * An immutable, fixed-size sequence: a Python {@code tuple} in Disco records.
 *
 * <p>A record of the classic and pipeline workers is a pair {@code (key, value)}, a {@code Tuple}
 * of two elements; {@link #key()} and {@link #value()} name them. Elements may be {@code null}
 * (Python {@code None}). Equality is list equality, so a {@code Tuple} equals a {@code List} with
 * the same elements, as Python compares sequences by content.
 */
public final class Tuple extends AbstractList<Object> implements RandomAccess, Serializable {
    private static final long serialVersionUID = 1L;

    /** The empty tuple. */
    public static final Tuple EMPTY = new Tuple(new Object[0]);

    /** The elements of a tuple that is not a pair; {@code null} for a pair. */
    private final Object[] items;
    /** A pair's elements, held in fields: records are pairs, and this saves an array per record. */
    private final Object first;
    private final Object second;

    private Tuple(Object[] items) {
        this.items = items;
        this.first = null;
        this.second = null;
    }

    private Tuple(Object first, Object second) {
        this.items = null;
        this.first = first;
        this.second = second;
    }

    /** A tuple of the given elements (copied). */
    public static Tuple of(Object... items) {
        if (items.length == 2) {
            return new Tuple(items[0], items[1]);
        }
        return items.length == 0 ? EMPTY : new Tuple(items.clone());
    }

    /** A tuple of the elements of {@code items}, in iteration order. */
    public static Tuple copyOf(Collection<?> items) {
        if (items instanceof Tuple) {
            return (Tuple) items;
        }
        Object[] copy = items.toArray();
        if (copy.length == 2) {
            return new Tuple(copy[0], copy[1]);
        }
        return copy.length == 0 ? EMPTY : new Tuple(copy);
    }

    /** The pair {@code (key, value)}: the shape of every classic record. */
    public static Tuple pair(Object key, Object value) {
        return new Tuple(key, value);
    }

    /** The first element of a pair. */
    public Object key() {
        return items == null ? first : get(0);
    }

    /** The second element of a pair. */
    public Object value() {
        return items == null ? second : get(1);
    }

    /** True when this tuple has exactly two elements. */
    public boolean isPair() {
        return items == null;
    }

    @Override
    public Object get(int index) {
        if (items != null) {
            return items[index];
        }
        switch (index) {
            case 0:
                return first;
            case 1:
                return second;
            default:
                throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length 2");
        }
    }

    @Override
    public int size() {
        return items == null ? 2 : items.length;
    }

    @Override
    public Object[] toArray() {
        return items == null ? new Object[] {first, second} : items.clone();
    }

    /** Python-like rendering, e.g. {@code ('a', 1)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        int n = size();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Object o = get(i);
            sb.append(o == null ? "None" : o instanceof String ? "'" + o + "'" : o.toString());
        }
        if (n == 1) {
            sb.append(',');
        }
        return sb.append(')').toString();
    }
}
