package io.jdisco.worker.classic.internal.combine;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.classic.ClassicFunctions;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link SumCombineTable}'s twin for {@link Bytes} keys, the keys of text jobs such as word
 * count, laid out so that a lookup touches as little memory as possible. With hundreds of
 * thousands of distinct words the table is far larger than the CPU caches, and following a
 * reference from the table to a key object and from there to its byte array costs a cache miss
 * each: profiles of word count showed most of the map's time in those misses. Here the keys'
 * bytes and their sums live in one arena, entry after entry in arrival order:
 *
 * <pre>
 * entry at offset o:  o+0  i64  sum (when the sum is a long)
 *                     o+8  i32  partition label (-1: no partitions)
 *                     o+12 i32  index of the sum in {@code objectSums}, or -1 for the long above
 *                     o+16 i32  key length n
 *                     o+20 n    key bytes
 * slots[i]:           (hash << 32) | (o + 1), 0 = empty; linear probing, at most 3/4 full
 * </pre>
 *
 * so a lookup reads one slot, then one arena entry, which holds both the bytes to compare and
 * the sum to update. Sums follow {@link ClassicFunctions#add} from 0, as in
 * {@link SumCombineTable}.
 */
final class BytesSumTable {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int HEADER = 20;
    /** Adds queued before they are made together. */
    static final int LAG = 16;

    private long[] slots;
    private byte[] arena;
    private int used;
    private int size;
    private final List<Object> objectSums = new ArrayList<>();
    /** The queue of adds not made yet, in arrival order. */
    private final Bytes[] queueSource = new Bytes[LAG];
    private final int[] queueFrom = new int[LAG];
    private final int[] queueTo = new int[LAG];
    private final int[] queueHash = new int[LAG];
    private final Object[] queueValue = new Object[LAG];
    private final KeySums.Labeller[] queueLabeller = new KeySums.Labeller[LAG];
    private int queued;
    /** A sum of the bytes touched ahead of the adds: written so that the reads are made. */
    @SuppressWarnings("unused")
    private byte touched;

    BytesSumTable() {
        clear();
    }

    /** Entries held. */
    int size() {
        drain();
        return size;
    }

    /** A rough estimate of the heap the table holds, in bytes. */
    long approximateBytes() {
        return (long) arena.length + slots.length * 8L + objectSums.size() * 48L;
    }

    /**
     * Adds {@code value} to the sum of {@code key}, creating the entry with {@code label} when the
     * key is new; {@code labeller} is asked only then. The add may wait in the {@linkplain #drain
     * queue} until {@link #LAG} adds are waiting.
     */
    void add(Bytes key, Object value, KeySums.Labeller labeller) {
        enqueue(key, 0, key.length(), SumCombineTable.hash(key), value, labeller);
    }

    /**
     * {@link #add} of the key {@code source.slice(from, to)}, made only when the key is new: a
     * word of a line is looked up, and summed, where it lies.
     */
    void addSlice(Bytes source, int from, int to, Object value, KeySums.Labeller labeller) {
        enqueue(source, from, to, SumCombineTable.mix(source.hashCode(from, to)), value, labeller);
    }

    /**
     * Queues an add; a full queue is {@linkplain #drain made}. A value that is not a {@code Long}
     * is added at once, after the queue: its sum may fail, and must fail at its own record.
     */
    private void enqueue(Bytes source, int from, int to, int hash, Object value, KeySums.Labeller labeller) {
        if (!(value instanceof Long)) {
            drain();
            add(source, from, to, hash, value, labeller);
            return;
        }
        int q = queued;
        queueSource[q] = source;
        queueFrom[q] = from;
        queueTo[q] = to;
        queueHash[q] = hash;
        queueValue[q] = value;
        queueLabeller[q] = labeller;
        if (++queued == LAG) {
            drain();
        }
    }

    /**
     * Makes every queued add, in the order they came; the table's readers call it first. The
     * table is far bigger than the caches, and an add waits for its slot, then for its entry: one
     * add after another, one miss is in flight at a time. So the slots and entries of all the
     * queued adds are touched first, their misses overlapping, and the adds then find them in the
     * cache (a loop over 256 MiB of the bench's corpus, words as slices of lines: 112-147 ns a
     * word without the queue, 91-114 ns with it).
     */
    void drain() {
        int n = queued;
        queued = 0;
        long[] slots = this.slots;
        byte[] arena = this.arena;
        int mask = slots.length - 1;
        int t = 0;
        for (int q = 0; q < n; q++) {
            long s = slots[queueHash[q] & mask];
            t += s == 0 ? 0 : arena[(int) s - 1];
        }
        touched = (byte) t;
        for (int q = 0; q < n; q++) {
            add(queueSource[q], queueFrom[q], queueTo[q], queueHash[q], queueValue[q], queueLabeller[q]);
        }
    }

    private void add(Bytes source, int from, int to, int hash, Object value, KeySums.Labeller labeller) {
        int mask = slots.length - 1;
        int n = to - from;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            long s = slots[i];
            if (s == 0) {
                Bytes key = from == 0 && to == source.length() ? source : source.slice(from, to);
                insert(i, hash, key, labeller.label(key), value);
                return;
            }
            if ((int) (s >>> 32) == hash) {
                int o = (int) s - 1;
                if ((int) INT.get(arena, o + 16) == n && source.rangeEquals(from, to, arena, o + HEADER)) {
                    addTo(o, value);
                    return;
                }
            }
        }
    }

    private void addTo(int o, Object value) {
        int index = (int) INT.get(arena, o + 12);
        if (index < 0) {
            long x = (long) LONG.get(arena, o);
            if (value instanceof Long) {
                long y = (Long) value;
                long r = x + y;
                if (((x ^ r) & (y ^ r)) >= 0) {
                    LONG.set(arena, o, r);
                    return;
                }
            }
            Object sum = ClassicFunctions.add(x, value); // may refuse the value: the entry stays as it was
            INT.set(arena, o + 12, objectSums.size());
            objectSums.add(sum);
            return;
        }
        objectSums.set(index, ClassicFunctions.add(objectSums.get(index), value));
    }

    private void insert(int slot, int hash, Bytes key, int label, Object value) {
        Object sum = value instanceof Long ? value : ClassicFunctions.add(0L, value);
        int n = key.length();
        if (arena.length - used < HEADER + n) {
            long want = Math.max(arena.length * 2L, (long) used + HEADER + n);
            if (want > Integer.MAX_VALUE - 16) {
                throw new OutOfMemoryError("combiner arena over 2 GiB");
            }
            arena = Arrays.copyOf(arena, (int) want);
        }
        int o = used;
        if (sum instanceof Long) {
            LONG.set(arena, o, (long) (Long) sum);
            INT.set(arena, o + 12, -1);
        } else {
            LONG.set(arena, o, 0L);
            INT.set(arena, o + 12, objectSums.size());
            objectSums.add(sum);
        }
        INT.set(arena, o + 8, label);
        INT.set(arena, o + 16, n);
        key.copyTo(arena, o + HEADER);
        used = o + HEADER + n;
        slots[slot] = (long) hash << 32 | (o + 1L);
        // Up to 3/4 full: linear probing mostly stays within the slot's cache line, and a smaller
        // slot array misses the cache less often than the extra probes cost.
        if (++size > slots.length - (slots.length >> 2)) {
            rehash();
        }
    }

    /** Visits the entries in arrival order. */
    void forEach(KeySums.EntryVisitor visitor) throws IOException {
        for (int o = first(); o < end(); o = next(o)) {
            visitor.visit((int) INT.get(arena, o + 8), key(o), sum(o));
        }
    }

    /** The arena offset of the first entry, or {@link #end} when there is none. */
    int first() {
        drain();
        return 0;
    }

    /** The arena offset just past the last entry. */
    int end() {
        return used;
    }

    /** The offset of the entry after the one at {@code o}. */
    int next(int o) {
        return o + HEADER + (int) INT.get(arena, o + 16);
    }

    /** The entry at arena offset {@code o} as a pair of its key and sum. */
    Tuple pair(int o) {
        return Tuple.pair(key(o), sum(o));
    }

    /** A copy of the key of the entry at {@code o}. */
    private Bytes key(int o) {
        return Bytes.of(arena, o + HEADER, (int) INT.get(arena, o + 16));
    }

    /** The sum of the entry at {@code o}: its long, or its object sum. */
    private Object sum(int o) {
        int index = (int) INT.get(arena, o + 12);
        return index < 0 ? (Object) (long) LONG.get(arena, o) : objectSums.get(index);
    }

    /**
     * Drops every entry but keeps the slots and the arena at their size, for a table that will
     * hold as many keys again (the next map task of a reused worker).
     */
    void empty() {
        Arrays.fill(slots, 0L);
        dropEntries();
    }

    /** Drops every entry. */
    void clear() {
        // small, doubling as words come: a map task over a few KB of text used to allocate 96 KiB
        slots = new long[1 << 8];
        arena = new byte[1 << 12];
        dropEntries();
    }

    /** Forgets the entries in the arena, their object sums and the queued adds. */
    private void dropEntries() {
        used = 0;
        size = 0;
        objectSums.clear();
        Arrays.fill(queueSource, null);
        Arrays.fill(queueValue, null);
        Arrays.fill(queueLabeller, null);
        queued = 0;
    }

    private void rehash() {
        long[] bigger = new long[slots.length * 2];
        int mask = bigger.length - 1;
        for (long s : slots) {
            if (s != 0) {
                int i = (int) (s >>> 32) & mask;
                while (bigger[i] != 0) {
                    i = (i + 1) & mask;
                }
                bigger[i] = s;
            }
        }
        slots = bigger;
    }
}
