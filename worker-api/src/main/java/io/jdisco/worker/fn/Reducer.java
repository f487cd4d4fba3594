package io.jdisco.worker.fn;

import java.io.IOException;
import java.io.Serializable;

/**
 * A typed reduce: called once per distinct key of its partition, in key order, with every value
 * the maps (and combiner) wrote for that key.
 *
 * <pre>{@code
 * Reducer<String, Long, String, Long> sum = (word, counts, out, context) -> {
 *     long n = 0;
 *     for (long c : counts) n += c;
 *     out.collect(word, n);
 * };
 * }</pre>
 *
 * <p>{@code values} can be iterated once, while the call lasts; copy what must outlive it. The
 * grouping is done for the function: the job sorts its reduce input by key.
 *
 * @param <K> the key type of the pairs it reads
 * @param <V> the value type of the pairs it reads
 * @param <RK> the key type of the pairs it writes
 * @param <RV> the value type of the pairs it writes
 */
@FunctionalInterface
public interface Reducer<K, V, RK, RV> extends Serializable {
    /** Reduces the values of {@code key}, writing pairs to {@code out}. */
    void reduce(K key, Iterable<V> values, Collector<RK, RV> out, JobContext context) throws IOException;
}
