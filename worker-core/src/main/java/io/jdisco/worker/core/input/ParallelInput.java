package io.jdisco.worker.core.input;

import io.jdisco.worker.io.RecordReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;

/**
 * The records of all inputs in no promised order (Python's {@code ParallelInput}): waits until the
 * master lists the complete input set, then drains the inputs last-listed first, as Python does.
 *
 * @param <R> the record type
 */
public final class ParallelInput<R> extends RecordInput<R> {
    private final InputListing listing;
    private final Function<IdedInput, RecordReader<R>> open;
    private Deque<IdedInput> todo;
    private RecordReader<R> reader;
    private R current;
    private boolean hasCurrent;

    /** Reads the inputs of {@code listing}, each through {@code open}. */
    public ParallelInput(InputListing listing, Function<IdedInput, RecordReader<R>> open) {
        this.listing = Objects.requireNonNull(listing, "listing");
        this.open = Objects.requireNonNull(open, "open");
    }

    @Override
    public boolean advance() throws IOException {
        hasCurrent = false;
        if (todo == null) {
            List<IdedInput> all = listing.rest();
            todo = new ArrayDeque<>(all);
        }
        while (true) {
            if (reader == null) {
                IdedInput next = todo.pollLast();
                if (next == null) {
                    return false;
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
        if (todo != null) {
            todo.clear();
        } else {
            todo = new ArrayDeque<>();
        }
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
