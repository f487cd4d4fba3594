package io.jdisco.worker.classic;

import io.jdisco.worker.Tuple;
import io.jdisco.worker.classic.internal.function.Pairs;
import io.jdisco.worker.classic.internal.sort.SortKeyEncoder;
import java.util.Arrays;
import java.util.Comparator;

/**
 * How the classic worker sees records, for code that reads a classic job's outputs and wants to
 * see them the same way: each record as the {@code (key, value)} pair a reduce receives, and the
 * order in which the reduce's external sort ({@code sort = true}) delivers keys.
 */
public final class ClassicRecords {
    private ClassicRecords() {
    }

    /**
     * {@code record} as the pair a reduce receives it as: a two-element {@link Tuple} as it is,
     * anything else (a line read with no reader, say) as {@code (record, null)}.
     */
    public static Tuple asPair(Object record) {
        return Pairs.of(record);
    }

    /**
     * The external sort's order (DESIGN.md §3.5): strings by code point, {@code Bytes} unsigned,
     * numbers by value whatever their type, tuples and lists element by element (a prefix first),
     * {@code null} first; values of different kinds order by kind. Applied to pairs, it orders by
     * key, then value.
     *
     * <p>The comparator reuses a buffer: use each one from one thread at a time.
     *
     * @return a new comparator; it throws {@link IllegalArgumentException} for a value that has no
     *     order (a map, a set, ...)
     */
    public static Comparator<Object> sortOrder() {
        SortKeyEncoder keys = new SortKeyEncoder();
        return (a, b) -> Arrays.compareUnsigned(keys.encode(a), keys.encode(b));
    }
}
