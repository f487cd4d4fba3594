package io.jdisco.worker.io;

import java.io.IOException;
import java.io.Serializable;

/**
 * The last stage of an output chain: encodes records onto the stream, e.g. Disco's
 * {@code disco_output_stream} (internal format) or {@code plain_output_stream} (SPEC §7.3).
 */
@FunctionalInterface
public interface WriterStage extends Serializable {
    /** Opens a writer over {@code in}'s stream. Closing the writer closes the stream. */
    RecordWriter open(OutputLink in, ChainContext context) throws IOException;
}
