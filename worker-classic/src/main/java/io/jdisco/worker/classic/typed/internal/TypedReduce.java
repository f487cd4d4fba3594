package io.jdisco.worker.classic.typed.internal;

import io.jdisco.worker.DataException;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.classic.internal.function.ContextualFunctions;
import io.jdisco.worker.classic.internal.function.ReduceCall;
import io.jdisco.worker.classic.typed.Codec;
import io.jdisco.worker.fn.Collector;
import io.jdisco.worker.fn.Emitter;
import io.jdisco.worker.fn.JobContext;
import io.jdisco.worker.fn.Reducer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A typed {@link Reducer} as the classic worker's {@code reduce} parameter: the task's entries,
 * sorted by key (the job sets {@code sort}), are grouped into runs of equal keys (as
 * {@code KeyGroups} does, without an object per group), and the reducer is called once per key
 * with the decoded key and its values decoded as they are read.
 *
 * @param <K> the key type read
 * @param <V> the value type read
 * @param <RK> the key type written
 * @param <RV> the value type written
 */
public final class TypedReduce<K, V, RK, RV> implements ContextualFunctions.Reduce {
    private static final long serialVersionUID = 1L;

    private final Codec<K> keys;
    private final Codec<V> values;
    private final Codec<RK> outKeys;
    private final Codec<RV> outValues;
    private final Reducer<K, V, RK, RV> reducer;

    /** The reduce of {@code reducer}, reading through the first two codecs and writing through the others. */
    public TypedReduce(Codec<K> keys, Codec<V> values, Codec<RK> outKeys, Codec<RV> outValues,
            Reducer<K, V, RK, RV> reducer) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.values = Objects.requireNonNull(values, "values");
        this.outKeys = Objects.requireNonNull(outKeys, "outKeys");
        this.outValues = Objects.requireNonNull(outValues, "outValues");
        this.reducer = Objects.requireNonNull(reducer, "reducer");
    }

    @Override
    public ReduceCall bind(JobContext context) {
        Objects.requireNonNull(context, "context");
        return new ReduceCall() {
            @Override
            public void reduce(Iterable<Tuple> entries, Emitter out) throws IOException {
                Collector<RK, RV> collector = Collectors.of(out, outKeys, outValues);
                KeyRun run = new KeyRun(entries.iterator());
                while (run.nextKey()) {
                    reducer.reduce(decodeKey(run.key), run, collector, context);
                }
            }
        };
    }

    private K decodeKey(Object key) throws DataException {
        try {
            return keys.decode(key);
        } catch (DataException e) {
            throw new DataException("the reduce's key: " + e.detail(), e.url(), e);
        }
    }

    /**
     * The values of one key of the sorted entries, decoded as they are read: one object for the
     * whole task, moved from key to key (a sort's keys are mostly distinct, and a group per key
     * would cost the reduce several objects per record). Its {@link #iterator()} may be taken once
     * per key, while the reducer's call lasts; a value of the wrong type stops the task.
     */
    private final class KeyRun implements Iterable<V>, Iterator<V> {
        private final Iterator<Tuple> pairs;
        private Tuple pending;
        private Object key;
        private boolean started;
        private boolean taken;

        KeyRun(Iterator<Tuple> pairs) {
            this.pairs = pairs;
        }

        /** Skips what is left of the current key's values and moves to the next key; false at the end. */
        boolean nextKey() {
            if (!started) {
                started = true;
                pending = pairs.hasNext() ? pairs.next() : null;
            } else {
                while (hasNext()) {
                    pending = pairs.hasNext() ? pairs.next() : null;
                }
            }
            if (pending == null) {
                return false;
            }
            key = pending.key();
            taken = false;
            return true;
        }

        @Override
        public Iterator<V> iterator() {
            if (taken) {
                throw new IllegalStateException("the values of key " + key + " can be iterated once");
            }
            taken = true;
            return this;
        }

        @Override
        public boolean hasNext() {
            return pending != null && Objects.equals(pending.key(), key);
        }

        @Override
        public V next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more values of key " + key);
            }
            Object raw = pending.value();
            pending = pairs.hasNext() ? pairs.next() : null;
            try {
                return values.decode(raw);
            } catch (DataException e) {
                throw new UncheckedIOException(new DataException("a value of the reduce: " + e.detail(), e.url(), e));
            }
        }
    }

    @Override
    public String toString() {
        return "typed reduce " + reducer.getClass().getName();
    }
}
