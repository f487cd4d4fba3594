package io.jdisco.worker.fn;

import io.jdisco.worker.Params;
import io.jdisco.worker.Tuple;
import java.io.IOException;
import java.io.Serializable;

/**
 * The classic two-argument {@code reduce(iter, params)} (SPEC §5.1, "reduce2"): returns the
 * results instead of writing them. The returned iterable is consumed lazily, so it may be a view
 * over {@code entries}. Same input contract as {@link ReduceFunction}.
 */
@FunctionalInterface
public interface ReturningReduceFunction extends Serializable {
    /** Reduces the partition, returning its result pairs (never {@code null}). */
    Iterable<Tuple> reduce(Iterable<Tuple> entries, Params params) throws IOException;
}
