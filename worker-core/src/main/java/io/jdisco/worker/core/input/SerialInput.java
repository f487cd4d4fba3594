package io.jdisco.worker.core.input;

import io.jdisco.worker.io.RecordReader;
import java.io.IOException;
import java.util.function.Function;

/**
 * The records of every input, one input after the other in the master's order (Python's
 * {@code SerialInput}). Inputs are listed lazily, so records flow while the master still adds
 * inputs (concurrent stages).
 *
 * @param <R> the record type
 */
public final class SerialInput<R> extends SequencedInput<R> {
    /** Reads the inputs of {@code listing}, each through {@code open} (usually a {@link FailoverReader}). */
    public SerialInput(InputListing listing, Function<IdedInput, RecordReader<R>> open) {
        super(listing, open);
    }

    @Override
    IdedInput nextInput() throws IOException {
        return listing.next();
    }
}
