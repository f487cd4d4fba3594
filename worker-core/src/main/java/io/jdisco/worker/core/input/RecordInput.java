package io.jdisco.worker.core.input;

import io.jdisco.worker.io.RecordReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A single-pass view over records: a pull {@link RecordReader} ({@code advance()} throws
 * {@link IOException}, a {@link io.jdisco.worker.DataException} for bad or missing data), and an
 * {@link Iterable} adapter for for-each loops.
 *
 * <p>The iterator rethrows the reader's {@code IOException} as an {@link UncheckedIOException}
 * whose cause is the original exception (a {@code DataException} for data errors), since
 * {@code Iterator} cannot throw checked exceptions. Only one iterator may be made: a second
 * {@link #iterator()} throws {@link IllegalStateException}, because the records have been consumed.
 *
 * @param <R> the record type
 */
public abstract class RecordInput<R> implements RecordReader<R>, Iterable<R> {
    private boolean iterated;

    /** For subclasses. */
    protected RecordInput() {
    }

    @Override
    public final synchronized Iterator<R> iterator() {
        if (iterated) {
            throw new IllegalStateException(getClass().getSimpleName()
                    + " is single-pass: its records were already iterated; read them into a list to use them twice");
        }
        iterated = true;
        return new Iterator<R>() {
            private boolean peeked;
            private boolean has;

            @Override
            public boolean hasNext() {
                if (!peeked) {
                    try {
                        has = advance();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    peeked = true;
                }
                return has;
            }

            @Override
            public R next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more records in " + RecordInput.this);
                }
                peeked = false;
                return current();
            }
        };
    }
}
