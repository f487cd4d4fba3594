package io.jdisco.worker.fn;

import io.jdisco.worker.Bytes;
import java.io.IOException;

/**
 * A {@link Collector} of {@link Bytes} keys that takes a key as a range of a bigger byte string
 * (a word of a line, a field of a record) without first copying it into a {@code Bytes} of its
 * own. The classic worker's map collector is one: with the built-in summing combiner, a key
 * already in the combiner's table is summed where it is, and only a new key is copied, once.
 *
 * <p>Job code does not call this directly: {@link Collector#collectSlice} does, and falls back
 * to {@code collect(source.slice(from, to), value)} for any other collector.
 *
 * @param <V> the value type
 */
public interface SliceCollector<V> extends Collector<Bytes, V> {
    /**
     * Collects the pair {@code (source.slice(from, to), value)}.
     *
     * @throws IndexOutOfBoundsException when {@code [from, to)} is not within {@code source}
     */
    void collectSlice(Bytes source, int from, int to, V value) throws IOException;
}
