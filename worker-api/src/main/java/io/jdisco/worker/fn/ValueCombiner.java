package io.jdisco.worker.fn;

import java.io.Serializable;

/**
 * Merges two values of one key into one, inside each map task, before the pairs leave it: a
 * typed combiner such as {@code Long::sum}. It must be associative and commutative (the values
 * of a key are merged in no particular grouping), and the reduce must accept a merged value as
 * it would the values merged (a sum of counts is still a count).
 *
 * @param <V> the value type
 */
@FunctionalInterface
public interface ValueCombiner<V> extends Serializable {
    /** The value standing for both {@code a} and {@code b}. */
    V combine(V a, V b);
}
