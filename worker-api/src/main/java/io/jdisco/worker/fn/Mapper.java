package io.jdisco.worker.fn;

import java.io.IOException;
import java.io.Serializable;

/**
 * A typed map: turns one input record into any number of {@code (key, value)} pairs.
 *
 * <pre>{@code
 * Mapper<String, String, Long> words = (line, out, context) -> {
 *     for (String w : line.split("\\s+")) {
 *         if (!w.isEmpty()) out.collect(w, 1L);
 *     }
 * };
 * }</pre>
 *
 * <p>Shipped to the nodes with Java serialization, like every job function: a lambda or a named
 * class both work, as long as what it captures is serializable. Throw
 * {@link io.jdisco.worker.DataException} (an {@link IOException}) for bad input a retry may cure;
 * any other exception fails the job.
 *
 * @param <I> the input record type (a text line, a pair of a previous job, ...)
 * @param <K> the key type of the pairs it writes
 * @param <V> the value type of the pairs it writes
 */
@FunctionalInterface
public interface Mapper<I, K, V> extends Serializable {
    /** Maps {@code record}, writing pairs to {@code out}. */
    void map(I record, Collector<K, V> out, JobContext context) throws IOException;
}
