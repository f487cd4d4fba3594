package io.jdisco.worker.io;

import java.io.IOException;
import java.io.Serializable;

/**
 * The last stage of an input chain: decodes the stream into records. Disco's readers such as
 * {@code chain_reader}, {@code gzip_line_reader} or a user's {@code map_reader} (SPEC §7.2).
 *
 * @param <R> the record type: a {@link io.jdisco.worker.Tuple} pair for Disco's internal format,
 *     a line for line readers, anything for a user's reader
 */
@FunctionalInterface
public interface ReaderStage<R> extends Serializable {
    /**
     * Opens a reader over {@code in}'s stream. Closing the reader closes the stream.
     *
     * @throws io.jdisco.worker.DataException when the data cannot be read
     */
    RecordReader<R> open(InputLink in, ChainContext context) throws IOException;
}
