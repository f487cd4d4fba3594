package io.jdisco.taskio.internal.chain;

import io.jdisco.taskio.SkipCounting;
import io.jdisco.worker.DataException;
import io.jdisco.worker.DiscoException;
import io.jdisco.worker.io.RecordReader;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * The reader an input chain hands out: delegates to the chain's reader, names the reader stage
 * and URL when it fails unexpectedly, and closes every stream of the chain, last first.
 *
 * @param <R> the record type
 */
public final class ChainReader<R> implements RecordReader<R>, SkipCounting {
    private final RecordReader<R> reader;
    private final List<? extends Closeable> streams;
    private final String stage;
    private final String url;
    private boolean closed;

    /** A reader over {@code reader}; {@code streams} are closed after it. */
    public ChainReader(RecordReader<R> reader, List<? extends Closeable> streams, String stage, String url) {
        this.reader = reader;
        this.streams = List.copyOf(streams);
        this.stage = stage;
        this.url = url;
    }

    @Override
    public boolean advance() throws IOException {
        try {
            return reader.advance();
        } catch (DataException e) {
            throw e;
        } catch (IOException e) {
            throw new DataException(stage + " failed: " + e, url, e);
        } catch (DiscoException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DiscoException(stage + " failed on " + url + ": " + e, e);
        }
    }

    @Override
    public R current() {
        return reader.current();
    }

    @Override
    public long skipped() {
        return reader instanceof SkipCounting ? ((SkipCounting) reader).skipped() : 0;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        IOException first = null;
        try {
            reader.close();
        } catch (IOException e) {
            first = e;
        }
        for (int i = streams.size() - 1; i >= 0; i--) {
            try {
                streams.get(i).close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Closes {@code streams} last first after a failure, attaching close errors to {@code failure}. */
    public static void closeQuietly(List<? extends Closeable> streams, Throwable failure) {
        for (int i = streams.size() - 1; i >= 0; i--) {
            try {
                streams.get(i).close();
            } catch (IOException | RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }

    @Override
    public String toString() {
        return "ChainReader[" + stage + ", " + url + "]";
    }
}
