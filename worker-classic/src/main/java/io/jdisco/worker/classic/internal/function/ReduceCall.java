package io.jdisco.worker.classic.internal.function;

import io.jdisco.worker.Tuple;
import io.jdisco.worker.fn.Emitter;
import java.io.IOException;

/** The job's reduce, whichever form it was given in, emitting its pairs. */
@FunctionalInterface
public interface ReduceCall {
    /** Reduces the task's entries. */
    void reduce(Iterable<Tuple> entries, Emitter out) throws IOException;
}
