package io.jdisco.worker.fn;

import io.jdisco.worker.Params;
import io.jdisco.worker.Tuple;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;

/**
 * The classic {@code combiner(key, value, buffer, done, params)} (SPEC §5.7). Called for every
 * map output pair with {@code done == false}, then once per partition with {@code key} and
 * {@code value} {@code null} and {@code done == true}. Each partition has its own
 * {@code buffer}; only the pairs the combiner returns are written. The combiner bounds its buffer
 * itself (emit and clear it when it grows).
 */
@FunctionalInterface
public interface CombinerFunction extends Serializable {
    /** Combines; returns pairs to write now, or {@code null} / an empty iterable for none. */
    Iterable<Tuple> combine(Object key, Object value, Map<Object, Object> buffer, boolean done, Params params)
            throws IOException;
}
