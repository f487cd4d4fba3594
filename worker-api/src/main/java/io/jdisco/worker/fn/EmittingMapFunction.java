package io.jdisco.worker.fn;

import io.jdisco.worker.Params;
import java.io.IOException;
import java.io.Serializable;

/**
 * A map that writes its pairs to an {@link Emitter} instead of returning them: the same contract
 * as {@link MapFunction} without building a collection per entry, for maps that emit many pairs.
 *
 * @param <I> the entry type the map's input chain yields
 */
@FunctionalInterface
public interface EmittingMapFunction<I> extends Serializable {
    /** Maps one entry, emitting each pair with {@code out.emit(key, value)}. */
    void map(I entry, Emitter out, Params params) throws IOException;
}
