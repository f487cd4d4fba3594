package io.jdisco.worker.fn;

import java.io.IOException;

/**
 * Where a job function emits {@code (key, value)} pairs. The pairs go on through partitioning,
 * the combiner and the output chain; keys and values must be record values (see
 * {@link io.jdisco.worker.io.RecordWriter}).
 */
@FunctionalInterface
public interface Emitter {
    /** Emits one pair. */
    void emit(Object key, Object value) throws IOException;
}
