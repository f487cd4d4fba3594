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

    private final Object[] items;

    private Tuple(Object[] items) {
        this.items = items;
    }

    /** A tuple of the given elements (copied). */
    public static Tuple of(Object... items) {
        return items.length == 0 ? EMPTY : new Tuple(items.clone());
    }

    /** A tuple of the elements of {@code items}, in iteration order. */
    public static Tuple copyOf(Collection<?> items) {
        if (items instanceof Tuple) {
            return (Tuple) items;
        }
        return items.isEmpty() ? EMPTY : new Tuple(items.toArray());
    }

    /** The pair {@code (key, value)}: the shape of every classic record. */
    public static Tuple pair(Object key, Object value) {
        return new Tuple(new Object[] {key, value});
    }

    /** The first element of a pair. */
    public Object key() {
        return get(0);
    }

    /** The second element of a pair. */
    public Object value() {
        return get(1);
    }

    /** True when this tuple has exactly two elements. */
    public boolean isPair() {
        return items.length == 2;
    }

    @Override
    public Object get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }

    @Override
    public Object[] toArray() {
        return items.clone();
    }

    /** Python-like rendering, e.g. {@code ('a', 1)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < items.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Object o = items[i];
            sb.append(o == null ? "None" : o instanceof String ? "'" + o + "'" : o.toString());
        }
        if (items.length == 1) {
            sb.append(',');
        }
        return sb.append(')').toString();
    }
}
