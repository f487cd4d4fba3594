package io.jdisco.worker.core.input;

import io.jdisco.worker.io.RecordReader;
import java.io.IOException;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;

/**
 * The records of the task's inputs, one whole input after another: {@link SerialInput} and
 * {@link ParallelInput} differ only in which input comes next ({@link #nextInput}), so the reading,
 * closing and end-of-input rules live here once.
 *
 * @param <R> the record type
 */
abstract class SequencedInput<R> extends RecordInput<R> {
    /** Where the inputs come from. */
    final InputListing listing;
    private final Function<IdedInput, RecordReader<R>> open;
    private RecordReader<R> reader;
    private R current;
    private boolean hasCurrent;
    private boolean finished;

    SequencedInput(InputListing listing, Function<IdedInput, RecordReader<R>> open) {
        this.listing = Objects.requireNonNull(listing, "listing");
        this.open = Objects.requireNonNull(open, "open");
    }

    /** The next input to read, or {@code null} when there is none; not called again after {@code null}. */
    abstract IdedInput nextInput() throws IOException;

    @Override
    public final boolean advance() throws IOException {
        hasCurrent = false;
        while (!finished) {
            if (reader == null) {
                IdedInput next = nextInput();
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
    public final R current() {
        if (!hasCurrent) {
            throw new NoSuchElementException("no current record: call advance() first (or the input is exhausted)");
        }
        return current;
    }

    /** Closes the input being read; no further input is listed or opened. */
    @Override
    public final void close() throws IOException {
        finished = true;
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
