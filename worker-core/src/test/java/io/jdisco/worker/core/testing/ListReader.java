package io.jdisco.worker.core.testing;

import io.jdisco.worker.DataException;
import io.jdisco.worker.io.RecordReader;
import java.util.List;
import java.util.NoSuchElementException;

/** A record reader over a list that can fail with a {@link DataException} after some records. */
public final class ListReader<R> implements RecordReader<R> {
    private final String url;
    private final List<R> records;
    private final int failAfter;
    private int next;
    private R current;
    private boolean closed;

    /** Reads {@code records}; {@code failAfter} &lt; 0 means never fail. */
    public ListReader(String url, List<R> records, int failAfter) {
        this.url = url;
        this.records = records;
        this.failAfter = failAfter;
    }

    @Override
    public boolean advance() throws DataException {
        if (failAfter >= 0 && next >= failAfter) {
            throw new DataException("connection reset after " + next + " records", url);
        }
        if (next >= records.size()) {
            return false;
        }
        current = records.get(next++);
        return true;
    }

    @Override
    public R current() {
        if (next == 0) {
            throw new NoSuchElementException();
        }
        return current;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** True once closed. */
    public boolean closed() {
        return closed;
    }
}
