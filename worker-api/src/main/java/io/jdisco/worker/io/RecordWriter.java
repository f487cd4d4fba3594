package io.jdisco.worker.io;

import java.io.Closeable;
import java.io.IOException;

/**
 * Writes {@code (key, value)} records: the {@code add(k, v)} / {@code close()} object at the end of
 * an output chain, and the {@code out} a reduce function writes to.
 *
 * <p>Keys and values are record values: {@code String}, {@link io.jdisco.worker.Bytes},
 * {@code Long}/{@code Integer}/{@code BigInteger}, {@code Double}, {@code Boolean}, {@code null},
 * {@link io.jdisco.worker.Tuple}, {@code List}, {@code Map}. {@link #close()} completes the output
 * (for an atomic file: makes it visible); an output that is not closed is never visible.
 */
public interface RecordWriter extends Closeable {
    /**
     * Writes one record.
     *
     * @throws IllegalArgumentException when a key or value has a type the encoding cannot store
     */
    void add(Object key, Object value) throws IOException;
}
