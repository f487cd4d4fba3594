package io.jdisco.worker.core.input;

import io.jdisco.worker.io.RecordReader;
import java.io.IOException;

/**
 * Opens one replica URL into a reader of its records: the seam where the scheme registry and the
 * input stream chain plug in.
 *
 * @param <R> the record type
 */
@FunctionalInterface
public interface RecordOpener<R> {
    /**
     * Opens {@code url}.
     *
     * @throws IOException ({@link io.jdisco.worker.DataException} preferred) when the URL cannot be
     *     opened; the input then fails over to another replica
     */
    RecordReader<R> open(String url) throws IOException;
}
