package io.jdisco.worker.io;

import java.io.Closeable;
import java.io.IOException;

/**
 * A pull reader of records, the iterator at the end of an input chain.
 *
 * <p>Use: {@code while (reader.advance()) use(reader.current());}. A record may be {@code null}
 * (a stored Python {@code None}); end of input is signalled by {@link #advance()}, never by the
 * record. Each record is a fresh object: readers never reuse what they handed out.
 *
 * @param <R> the record type
 */
public interface RecordReader<R> extends Closeable {
    /**
     * Moves to the next record.
     *
     * @return {@code false} at the end of the input
     * @throws io.jdisco.worker.DataException when the input is corrupt or cannot be read; the
     *     message names the URL and the byte offset
     */
    boolean advance() throws IOException;

    /**
     * The record {@link #advance()} moved to.
     *
     * @throws IllegalStateException before the first {@code advance()} or after the end
     */
    R current();
}
