package io.jdisco.worker.fn;

import io.jdisco.worker.Params;
import java.io.IOException;
import java.io.Serializable;
import java.util.Iterator;

/**
 * The classic {@code map_init} / {@code reduce_init} (SPEC §5.1): called once before the loop
 * with the very iterator the loop then consumes, so it may skip entries (a header line) or set up
 * state in {@code params}.
 *
 * @param <I> the entry type
 */
@FunctionalInterface
public interface InitFunction<I> extends Serializable {
    /** Prepares the task; entries taken from {@code entries} are not seen by the loop. */
    void init(Iterator<I> entries, Params params) throws IOException;
}
