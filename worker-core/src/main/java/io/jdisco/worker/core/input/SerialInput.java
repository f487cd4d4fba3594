package io.jdisco.worker.core.input;

import io.jdisco.worker.io.RecordReader;
import java.io.IOException;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;

/**
 * The records of every input, one input after the other in the master's order (Python's
 * {@code SerialInput}). Inputs are listed lazily, so records flow while the master still adds
 * inputs (concurrent stages).
 *
 * @param <R> the record type
 */
public final class SerialInput<R> extends RecordInput<R> {
    private final InputListing listing;
    private final Function<IdedInput, RecordReader<R>> open;
    private RecordReader<R> reader;
    private R current;
    private boolean hasCurrent;
    private boolean finished;

    /** Reads the inputs of {@code listing}, each through {@code open} (usually a {@link FailoverReader}). */
    public SerialInput(InputListing listing, Function<IdedInput, RecordReader<R>> open) {
        this.listing = Objects.requireNonNull(listing, "listing");
        this.open = Objects.requireNonNull(open, "open");
    }

    @Override
    public boolean advance() throws IOException {
        hasCurrent = false;
        while (!finished) {
            if (reader == null) {
                IdedInput next = listing.next();
                if (next == null) {
                    finished = true;
                    break;
                }
                reader = open.apply(next);
            }
            if (reader.advance()) {
                current = reader.current();
                hasCurrent = true;
                return true;
            }
            reader.close();
            reader = null;
        }
        return false;
    }

    @Override
    public R current() {
        if (!hasCurrent) {
            throw new NoSuchElementException("no current record: call advance() first (or the input is exhausted)");
        }
        return current;
    }

    @Override
    public void close() throws IOException {
        finished = true;
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
