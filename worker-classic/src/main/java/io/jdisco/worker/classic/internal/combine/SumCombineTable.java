package io.jdisco.worker.classic.internal.combine;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.classic.ClassicFunctions;
import java.util.Arrays;
import java.util.Objects;

/**
 * The map side of {@code sum_combiner} (SPEC §5.13) for the common case, without what the general
 * per-partition buffers cost on every pair: one open-addressing table over all partitions, the
 * sums of {@code Long} values kept as primitive {@code long}s, and each distinct key's partition
 * label computed once, when the key first arrives (so a deterministic partition function, such as
 * the MD5 default, runs once per distinct key instead of once per pair).
 *
 * <p>The sums are those of {@link ClassicFunctions#add}, in the same order, starting from 0 as
 * Python's {@code buf.get(key, 0) + value} does (so a value that is not a number is refused even
 * for a key seen once); a {@code long} sum that overflows, or a value that is not a {@code Long},
 * moves the key to an object sum computed by {@code add}.
 *
 * <p>Entries are numbered in arrival order; {@link #forEach} visits them in that order, as the
 * general combiner's {@code LinkedHashMap} does. {@link #approximateBytes} lets the caller flush
 * the table before it outgrows its share of the heap.
 */
final class SumCombineTable {
    /** Heap bytes of an entry besides its key's payload: the key object, slots, table share. */
    private static final int ENTRY_OVERHEAD = 96;

    private int[] table; // entry index + 1, 0 = empty
    private Object[] keys;
    private int[] hashes;
    private int[] labels;
    private long[] longSums;
    /** The sum as an object when it is not (or no longer) a {@code long}; else null. */
    private Object[] objectSums;
    private int size;
    private long bytes;

    SumCombineTable() {
        clear();
    }

    /** Entries held. */
    int size() {
        return size;
    }

    /** A rough estimate of the heap the entries hold, in bytes. */
    long approximateBytes() {
        return bytes;
    }

    /**
     * The entry of {@code key}, or -1; {@code hash} is {@link #hash(Object) hash(key)}. A caller
     * that gets -1 computes the label and calls {@link #insert}.
     */
    int find(Object key, int hash) {
        int mask = table.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int e = table[slot] - 1;
            if (e < 0) {
                return -1;
            }
            if (hashes[e] == hash && Objects.equals(keys[e], key)) {
                return e;
            }
        }
    }

    /** Adds {@code value} to the sum of entry {@code e}. */
    void add(int e, Object value) {
        Object current = objectSums[e];
        if (current == null && value instanceof Long) {
            long x = longSums[e];
            long y = (Long) value;
            long r = x + y;
            if (((x ^ r) & (y ^ r)) >= 0) {
                longSums[e] = r;
                return;
            }
        }
        objectSums[e] = ClassicFunctions.add(current == null ? (Object) longSums[e] : current, value);
    }

    /** A new entry for {@code key} (not present) in partition {@code label}, with sum {@code value}. */
    void insert(Object key, int hash, int label, Object value) {
        if (size == keys.length) {
            grow();
        }
        int e = size++;
        keys[e] = key;
        hashes[e] = hash;
        labels[e] = label;
        Object sum = value instanceof Long ? value : ClassicFunctions.add(0L, value);
        if (sum instanceof Long) {
            longSums[e] = (Long) sum;
            objectSums[e] = null;
        } else {
            objectSums[e] = sum;
        }
        bytes += ENTRY_OVERHEAD + payload(key);
        int mask = table.length - 1;
        int slot = hash & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = e + 1;
    }

    /** Visits the entries in arrival order. */
    void forEach(KeySums.EntryVisitor visitor) throws java.io.IOException {
        for (int e = 0; e < size; e++) {
            visitor.visit(labels[e], keys[e], sum(e));
        }
    }

    /** Entry {@code e} (in arrival order, below {@link #size}) as a pair of its key and sum. */
    Tuple pair(int e) {
        return Tuple.pair(keys[e], sum(e));
    }

    /** The sum of entry {@code e}: its long, or its object sum. */
    private Object sum(int e) {
        Object sum = objectSums[e];
        return sum == null ? (Object) longSums[e] : sum;
    }

    /** Drops every entry. */
    void clear() {
        table = new int[1024];
        keys = new Object[512];
        hashes = new int[512];
        labels = new int[512];
        longSums = new long[512];
        objectSums = new Object[512];
        size = 0;
        bytes = 0;
    }

    /**
     * The hash the table uses for {@code key}: its {@code hashCode}, mixed. Polynomial hash codes
     * (those of {@code String}, {@code Bytes}) of similar short words are close together, which
     * in a linear-probing table makes long runs of occupied slots; multiplying by the golden
     * ratio spreads them over the whole table.
     */
    static int hash(Object key) {
        return HashSlots.mix(key == null ? 0 : key.hashCode());
    }

    private static int payload(Object key) {
        if (key instanceof Bytes) {
            return ((Bytes) key).length();
        }
        if (key instanceof String) {
            return ((String) key).length() * 2;
        }
        return 32;
    }

    private void grow() {
        int n = keys.length * 2;
        keys = Arrays.copyOf(keys, n);
        hashes = Arrays.copyOf(hashes, n);
        labels = Arrays.copyOf(labels, n);
        longSums = Arrays.copyOf(longSums, n);
        objectSums = Arrays.copyOf(objectSums, n);
        int[] t = new int[n * 2];
        int mask = t.length - 1;
        for (int e = 0; e < size; e++) {
            int slot = hashes[e] & mask;
            while (t[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            t[slot] = e + 1;
        }
        table = t;
    }
}
