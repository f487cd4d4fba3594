package io.jdisco.worker.classic.typed.internal;

import io.jdisco.worker.DataException;
import io.jdisco.worker.classic.KeyGroups;
import io.jdisco.worker.classic.internal.ContextualFunctions;
import io.jdisco.worker.classic.internal.ReduceCall;
import io.jdisco.worker.classic.typed.Codec;
import io.jdisco.worker.fn.Collector;
import io.jdisco.worker.fn.JobContext;
import io.jdisco.worker.fn.Reducer;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Objects;

/**
 * A typed {@link Reducer} as the classic worker's {@code reduce} parameter: the task's entries,
 * sorted by key (the job sets {@code sort}), are grouped by key ({@link KeyGroups}), and the
 * reducer is called once per key with the decoded key and its values decoded as they are read.
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
        return (entries, out) -> {
            Collector<RK, RV> collector = (k, v) -> out.emit(outKeys.encode(k), outValues.encode(v));
            for (KeyGroups.Group group : KeyGroups.of(entries)) {
                reducer.reduce(decodeKey(group.key()), decoded(group.values()), collector, context);
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

    /** The values of one key, decoded one at a time; a value of the wrong type stops the task. */
    private Iterable<V> decoded(Iterable<Object> raw) {
        return () -> {
            Iterator<Object> it = raw.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public V next() {
                    try {
                        return values.decode(it.next());
                    } catch (DataException e) {
                        throw new UncheckedIOException(new DataException("a value of the reduce: " + e.detail(),
                                e.url(), e));
                    }
                }
            };
        };
    }

    @Override
    public String toString() {
        return "typed reduce " + reducer.getClass().getName();
    }
}
