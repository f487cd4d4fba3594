package io.jdisco.worker.io;

import java.io.IOException;
import java.io.Serializable;

/**
 * One byte-level stage of an output chain: Disco's {@code output_stream(stream, partition, url,
 * params)} function (SPEC §7.1). The first stage opens the output (normally an atomic file); later
 * stages wrap its stream. The chain ends with a {@link WriterStage}.
 */
@FunctionalInterface
public interface OutputStage extends Serializable {
    /**
     * Applies the stage.
     *
     * @param in the previous stage's link ({@link OutputLink#start(String)} for the first stage)
     * @return the link for the next stage; never {@code null}
     */
    OutputLink apply(OutputLink in, ChainContext context) throws IOException;
}
