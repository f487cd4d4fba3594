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
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

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
 *                     o+12 i32  index of the sum in {@code objectSums}, -1 for the long above,
 *                               or -2: a key kept from an earlier map task, no sum in this one
 *                     o+16 i32  key length n
 *                     o+20 n    key bytes
 * slots[i]:           (hash << 32) | (o + 1), 0 = empty; linear probing, at most 3/4 full
 * </pre>
 *
 * so a lookup reads one slot, then one arena entry, which holds both the bytes to compare and
 * the sum to update. Sums follow {@link ClassicFunctions#add} from 0, as in
 * {@link SumCombineTable}.
 *
 * <p>A table can {@linkplain #retire retire} its entries instead of dropping them: their keys
 * and labels stay, their sums go, and readers skip them until a key is added again. The next map
 * task of a reused worker then finds the words it shares with the last one already labelled
 * (the label is an MD5 for Disco's default partition) and copied.
 */
final class BytesSumTable {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int HEADER = 20;
    /** The object-sum index of a {@linkplain #retire retired} entry: a key without a sum. */
    private static final int RETIRED = -2;
    /** Adds queued before they are made together. */
    static final int LAG = 16;

    private long[] slots;
    private byte[] arena;
    private int used;
    /** Entries in the arena, retired ones included: how full the slots are. */
    private int entries;
    /** Entries with a sum. */
    private int size;
    /** Where the entries made since the last {@link #retire} start: the earlier ones were retired. */
    private int retiredEnd;
    /** The offsets of the retired entries added again since the last retire, in that order. */
    private int[] revived = new int[16];
    private int revivedCount;
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
        enqueue(source, from, to, HashSlots.mix(source.hashCode(from, to)), value, labeller);
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
        if (index == RETIRED) {
            revive(o, value);
            return;
        }
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

    /** Gives the retired entry at {@code o} the sum {@code value}, as a new key's first add. */
    private void revive(int o, Object value) {
        Object sum = value instanceof Long ? value : ClassicFunctions.add(0L, value); // may refuse: stays retired
        setSum(o, sum);
        if (revivedCount == revived.length) {
            revived = Arrays.copyOf(revived, revivedCount * 2);
        }
        revived[revivedCount++] = o;
        size++;
    }

    private void setSum(int o, Object sum) {
        if (sum instanceof Long) {
            LONG.set(arena, o, (long) (Long) sum);
            INT.set(arena, o + 12, -1);
        } else {
            LONG.set(arena, o, 0L);
            INT.set(arena, o + 12, objectSums.size());
            objectSums.add(sum);
        }
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
        setSum(o, sum);
        INT.set(arena, o + 8, label);
        INT.set(arena, o + 16, n);
        key.copyTo(arena, o + HEADER);
        used = o + HEADER + n;
        slots[slot] = (long) hash << 32 | (o + 1L);
        // Up to 3/4 full: linear probing mostly stays within the slot's cache line, and a smaller
        // slot array misses the cache less often than the extra probes cost.
        size++;
        if (++entries > slots.length - (slots.length >> 2)) {
            rehash();
        }
    }

    /**
     * Visits the entries with a sum: the retired ones added again since the last {@link #retire}
     * in the order they came back, then the others in arrival order. Never more than those: a
     * table that kept a vocabulary of thousands of words costs a task of a few words no more.
     */
    void forEach(KeySums.EntryVisitor visitor) throws IOException {
        drain();
        for (int r = 0; r < revivedCount; r++) {
            visit(revived[r], visitor);
        }
        for (int o = retiredEnd; o < used; o = next(o)) {
            visit(o, visitor);
        }
    }

    private void visit(int o, KeySums.EntryVisitor visitor) throws IOException {
        visitor.visit((int) INT.get(arena, o + 8), key(o), sum(o));
    }

    /**
     * The entries with a sum as pairs, in {@link #forEach}'s order, made as they are iterated;
     * the view must not be iterated while keys are added.
     */
    Iterator<Tuple> pairs() {
        drain();
        return new Iterator<>() {
            private int r;
            private int o = retiredEnd;

            @Override
            public boolean hasNext() {
                return r < revivedCount || o < used;
            }

            @Override
            public Tuple next() {
                if (r < revivedCount) {
                    return pair(revived[r++]);
                }
                if (o >= used) {
                    throw new NoSuchElementException("no more sums");
                }
                Tuple t = pair(o);
                o = BytesSumTable.this.next(o);
                return t;
            }
        };
    }

    /** The offset of the entry after the one at {@code o}. */
    private int next(int o) {
        return o + HEADER + (int) INT.get(arena, o + 16);
    }

    /** The entry at arena offset {@code o} as a pair of its key and sum. */
    private Tuple pair(int o) {
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
     * Drops every sum but keeps the keys with their labels, for a table that will see most of
     * them again (the next map task of a reused worker, whose labels are the same): an entry
     * comes back when its key is added again, and {@link #forEach} and the pairs skip it until
     * then. Only the entries with a sum are visited.
     */
    void retire() {
        drain();
        for (int r = 0; r < revivedCount; r++) {
            INT.set(arena, revived[r] + 12, RETIRED);
        }
        for (int o = retiredEnd; o < used; o = next(o)) {
            INT.set(arena, o + 12, RETIRED);
        }
        revivedCount = 0;
        retiredEnd = used;
        objectSums.clear();
        size = 0;
    }

    /**
     * Drops every entry but keeps the slots and the arena at their size, for a table that will
     * hold as many keys again.
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
        entries = 0;
        size = 0;
        retiredEnd = 0;
        revivedCount = 0;
        objectSums.clear();
        Arrays.fill(queueSource, null);
        Arrays.fill(queueValue, null);
        Arrays.fill(queueLabeller, null);
        queued = 0;
    }

    private void rehash() {
        slots = HashSlots.doubled(slots);
    }
}
