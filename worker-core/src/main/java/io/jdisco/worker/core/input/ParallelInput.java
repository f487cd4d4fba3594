package io.jdisco.worker.core.input;

import io.jdisco.worker.io.RecordReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;

/**
 * The records of all inputs in no promised order (Python's {@code ParallelInput}): waits until the
 * master lists the complete input set, then drains the inputs last-listed first, as Python does.
 *
 * @param <R> the record type
 */
public final class ParallelInput<R> extends SequencedInput<R> {
    private Deque<IdedInput> todo;

    /** Reads the inputs of {@code listing}, each through {@code open}. */
    public ParallelInput(InputListing listing, Function<IdedInput, RecordReader<R>> open) {
        super(listing, open);
    }

    @Override
    IdedInput nextInput() throws IOException {
        if (todo == null) {
            todo = new ArrayDeque<>(listing.rest());
        }
        return todo.pollLast();
    }
}
