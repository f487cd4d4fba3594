package io.jdisco.worker.classic.internal.function;

import io.jdisco.worker.fn.Emitter;
import java.io.IOException;

/** The job's map, whichever form it was given in, emitting its pairs. */
@FunctionalInterface
public interface MapCall {
    /** Maps one entry. */
    void map(Object entry, Emitter out) throws IOException;
}
