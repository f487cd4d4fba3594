package io.jdisco.worker.io;

import java.io.IOException;
import java.io.Serializable;

/**
 * One byte-level stage of an input chain: Disco's {@code input_stream(stream, size, url, params)}
 * function (SPEC §7.1). It opens a URL (the first stage) or wraps the previous stage's stream
 * (decompression, decoding, ...). The chain ends with a {@link ReaderStage}.
 *
 * <p>Stages are job parameters, shipped to the nodes with Java serialization: keep them small and
 * free of unserializable captured state.
 */
@FunctionalInterface
public interface InputStage extends Serializable {
    /**
     * Applies the stage.
     *
     * @param in the previous stage's link ({@link InputLink#start(String)} for the first stage)
     * @param context parameters, task and scheme registry
     * @return the link for the next stage; never {@code null}
     * @throws io.jdisco.worker.DataException when the data cannot be read (the task is retried)
     */
    InputLink apply(InputLink in, ChainContext context) throws IOException;
}
