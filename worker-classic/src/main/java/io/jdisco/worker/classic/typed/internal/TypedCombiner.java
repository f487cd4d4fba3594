package io.jdisco.worker.classic.typed.internal;

import io.jdisco.worker.Params;
import io.jdisco.worker.Tuple;
import io.jdisco.worker.classic.typed.Codec;
import io.jdisco.worker.fn.CombinerFunction;
import io.jdisco.worker.fn.ValueCombiner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link ValueCombiner} as the classic {@code combiner} (SPEC §5.7): each partition's buffer
 * holds one merged value per key (keys as they are encoded, values decoded), written out when the
 * buffer holds {@link #MAX_KEYS} keys and when the partition is done. A {@code null} value is
 * passed on as it is, never merged.
 *
 * @param <V> the value type
 */
public final class TypedCombiner<V> implements CombinerFunction {
    private static final long serialVersionUID = 1L;

    /** The most keys a partition's buffer holds before it is written out. */
    static final int MAX_KEYS = 100_000;

    private final Codec<V> values;
    private final ValueCombiner<V> combiner;

    /** The combiner merging values of {@code values}' type with {@code combiner}. */
    public TypedCombiner(Codec<V> values, ValueCombiner<V> combiner) {
        this.values = Objects.requireNonNull(values, "values");
        this.combiner = Objects.requireNonNull(combiner, "combiner");
    }

    @Override
    @SuppressWarnings("unchecked")
    public Iterable<Tuple> combine(Object key, Object value, Map<Object, Object> buffer, boolean done, Params params)
            throws IOException {
        if (!done) {
            V v = values.decode(value);
            if (v == null) {
                return List.of(Tuple.pair(key, null));
            }
            Object merged = buffer.get(key);
            buffer.put(key, merged == null ? v : Objects.requireNonNull(combiner.combine((V) merged, v),
                    "the combiner returned null"));
            if (buffer.size() < MAX_KEYS) {
                return null;
            }
        }
        List<Tuple> out = new ArrayList<>(buffer.size());
        for (Map.Entry<Object, Object> e : buffer.entrySet()) {
            out.add(Tuple.pair(e.getKey(), values.encode((V) e.getValue())));
        }
        buffer.clear();
        return out;
    }

    @Override
    public String toString() {
        return "typed combiner " + combiner.getClass().getName();
    }
}
