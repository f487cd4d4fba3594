package io.jdisco.worker.classic.internal.combine;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.Tuple;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.util.Iterator;
import java.util.Objects;

/**
 * Per-key sums of numbers ({@code sum_combiner}, {@code sum_reduce}, SPEC §5.13) without a boxed
 * value or a map entry per key: {@link Bytes} keys go to a {@link BytesSumTable}, every other key
 * to a {@link SumCombineTable}. Each key carries a label that a {@link Labeller}
 * gives it on arrival (the map's partition; -1 where there is none). Sums are those of
 * {@code ClassicFunctions.add} from 0: a value that is not a number is refused.
 */
public final class KeySums {
    /** Gives a new key its label. */
    public interface Labeller {
        /** The label of {@code key}, a key not seen before. */
        int label(Object key);
    }

    /** Visits a key with its label and sum. */
    public interface EntryVisitor {
        /** One key. */
        void visit(int label, Object key, Object sum) throws IOException;
    }

    /**
     * A table a map task of this thread left at its grown size, its {@code Bytes} keys kept with
     * their labels and their sums dropped: the map tasks of a reused worker (17 of 64 MiB for the
     * bench's chunked corpus, 668,108 words each) would otherwise each grow a table from 256
     * slots to a million, rehashing a dozen times, and label (an MD5 each) and copy every word the
     * last task had already seen. Softly held: the collector may take it back.
     */
    private static final ThreadLocal<SoftReference<Spare>> SPARE = new ThreadLocal<>();

    /** A recycled table and the labelling its kept keys were labelled with. */
    private record Spare(KeySums sums, Object labelling) {
    }

    private final SumCombineTable objects = new SumCombineTable();
    private final BytesSumTable bytes = new BytesSumTable();

    /**
     * The table the last map task of this thread {@linkplain #recycle recycled}, or a new one.
     * Its kept keys stay only when they were labelled by an equal {@code labelling} (the same
     * partition function and number of partitions: labels are the same for a key); else it comes
     * back empty.
     */
    public static KeySums spareOrNew(Object labelling) {
        Objects.requireNonNull(labelling, "labelling");
        SoftReference<Spare> ref = SPARE.get();
        Spare spare = ref == null ? null : ref.get();
        SPARE.remove();
        if (spare == null) {
            return new KeySums();
        }
        if (!spare.labelling().equals(labelling)) {
            spare.sums().bytes.empty();
        }
        return spare.sums();
    }

    /**
     * Drops every sum, keeping the table's size and its {@code Bytes} keys, labelled by
     * {@code labelling}, as this thread's spare for {@link #spareOrNew}; the table must not be
     * used after. A kept key costs nothing until it is added again, and is visited only then.
     */
    public void recycle(Object labelling) {
        Objects.requireNonNull(labelling, "labelling");
        objects.clear();
        bytes.retire();
        SPARE.set(new SoftReference<>(new Spare(this, labelling)));
    }

    /** Adds {@code value} to the sum of {@code key}; a new key gets {@code labeller}'s label. */
    public void add(Object key, Object value, Labeller labeller) {
        if (key instanceof Bytes) {
            bytes.add((Bytes) key, value, labeller);
            return;
        }
        int hash = SumCombineTable.hash(key);
        int e = objects.find(key, hash);
        if (e >= 0) {
            objects.add(e, value);
        } else {
            objects.insert(key, hash, labeller.label(key), value);
        }
    }

    /**
     * {@link #add} of the key {@code source.slice(from, to)}, without making it unless it is new.
     */
    public void addSlice(Bytes source, int from, int to, Object value, Labeller labeller) {
        bytes.addSlice(source, from, to, value, labeller);
    }

    /** The number of distinct keys with a sum. */
    public int size() {
        return objects.size() + bytes.size();
    }

    /** A rough estimate of the heap held, in bytes. */
    public long approximateBytes() {
        return objects.approximateBytes() + bytes.approximateBytes();
    }

    /**
     * Visits every key with its label and sum: keys of other types first, then {@code Bytes}
     * keys, each kind in arrival order.
     */
    public void forEach(EntryVisitor visitor) throws IOException {
        objects.forEach(visitor);
        bytes.forEach(visitor);
    }

    /**
     * Every key with its sum, as pairs made as they are iterated, in {@link #forEach}'s order: a
     * reduce writes its sums as it goes instead of holding a pair object per key (a list of them,
     * 334,054 per reduce of the bench's word count, survived young collections). The view is of
     * the keys as they are when iterated; it must not be iterated while keys are added.
     */
    public Iterable<Tuple> pairs() {
        return () -> new Iterator<>() {
            private int object;
            private final Iterator<Tuple> rest = bytes.pairs();

            @Override
            public boolean hasNext() {
                return object < objects.size() || rest.hasNext();
            }

            @Override
            public Tuple next() {
                return object < objects.size() ? objects.pair(object++) : rest.next();
            }
        };
    }

    /** Drops every key. */
    public void clear() {
        objects.clear();
        bytes.clear();
    }
}
