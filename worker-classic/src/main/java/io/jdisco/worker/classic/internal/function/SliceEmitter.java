package io.jdisco.worker.classic.internal.function;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.fn.Emitter;
import java.io.IOException;

/**
 * An {@link Emitter} that takes a {@link Bytes} key as a range of a bigger byte string: the map
 * task's, so that a typed map's {@link io.jdisco.worker.fn.Collector#collectSlice} reaches the
 * summing combiner's table without a {@code Bytes} made per key.
 */
public interface SliceEmitter extends Emitter {
    /** Emits {@code (source.slice(from, to), value)}. */
    void emitSlice(Bytes source, int from, int to, Object value) throws IOException;
}
