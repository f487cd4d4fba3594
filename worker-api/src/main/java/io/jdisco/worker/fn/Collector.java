package io.jdisco.worker.fn;

import java.io.IOException;

/**
 * Where a typed job function writes its pairs: {@code out.collect(word, 1L)}. The job's codecs turn
 * each key and value into a Disco record, so the types are checked by the compiler here and by the
 * job's {@code build()} once.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@FunctionalInterface
public interface Collector<K, V> {
    /** Writes the pair {@code (key, value)}. */
    void collect(K key, V value) throws IOException;
}
