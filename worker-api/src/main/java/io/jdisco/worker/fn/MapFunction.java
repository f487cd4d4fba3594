package io.jdisco.worker.fn;

import io.jdisco.worker.Params;
import io.jdisco.worker.Tuple;
import java.io.IOException;
import java.io.Serializable;

/**
 * The classic {@code map(entry, params)} (SPEC §5.1): turns one input entry into
 * {@code (key, value)} pairs. Return an empty iterable for none; never {@code null}.
 *
 * <p>Shipped to the nodes with Java serialization: a lambda or a named class both work, as long
 * as what it captures is serializable. Throw {@link io.jdisco.worker.DataException} for bad input
 * that a retry may cure; any other exception kills the job.
 *
 * @param <I> the entry type the map's input chain yields (a line, a record pair, ...)
 */
@FunctionalInterface
public interface MapFunction<I> extends Serializable {
    /** Maps one entry to pairs made with {@link Tuple#pair(Object, Object)}. */
    Iterable<Tuple> map(I entry, Params params) throws IOException;
}
