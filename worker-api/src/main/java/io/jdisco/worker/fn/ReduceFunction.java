package io.jdisco.worker.fn;

import io.jdisco.worker.Params;
import io.jdisco.worker.Tuple;
import java.io.IOException;
import java.io.Serializable;

/**
 * The classic three-argument {@code reduce(iter, out, params)} (SPEC §5.9): reads every pair of
 * the task's partition and writes results with {@code out.emit(key, value)}.
 *
 * <p>{@code entries} is single-pass: a second {@code iterator()} throws. Its order is the input
 * order, or key order when the job sorts. Its iterator may throw
 * {@link java.io.UncheckedIOException} wrapping a {@link io.jdisco.worker.DataException} when an
 * input cannot be read; let it escape, the task is then retried.
 */
@FunctionalInterface
public interface ReduceFunction extends Serializable {
    /** Reduces the partition. */
    void reduce(Iterable<Tuple> entries, Emitter out, Params params) throws IOException;
}
