package io.jdisco.worker.classic.internal.combine;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.Tuple;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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

    private final SumCombineTable objects = new SumCombineTable();
    private final BytesSumTable bytes = new BytesSumTable();

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

    /** The number of distinct keys. */
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

    /** Every key with its sum, as pairs, in {@link #forEach}'s order. */
    public List<Tuple> pairs() {
        List<Tuple> out = new ArrayList<>(size());
        try {
            forEach((label, key, sum) -> out.add(Tuple.pair(key, sum)));
        } catch (IOException e) {
            throw new AssertionError("adding to a list does no I/O", e);
        }
        return out;
    }

    /** Drops every key. */
    public void clear() {
        objects.clear();
        bytes.clear();
    }
}
