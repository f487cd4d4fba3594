package io.jdisco.taskio.internal;

import io.jdisco.worker.io.RecordWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The writer an output chain hands out: {@code add} goes to the chain's writer; {@code close}
 * closes the writer, then every stream of the chain, last first (so an atomic file is renamed
 * only after the writer wrote its last bytes).
 */
public final class ChainWriter implements RecordWriter {
    private final RecordWriter writer;
    private final List<OutputStream> streams;
    private boolean closed;

    /** A writer over {@code writer}; {@code streams} are closed after it. */
    public ChainWriter(RecordWriter writer, List<OutputStream> streams) {
        this.writer = writer;
        this.streams = List.copyOf(streams);
    }

    @Override
    public void add(Object key, Object value) throws IOException {
        writer.add(key, value);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        writer.close();
        for (int i = streams.size() - 1; i >= 0; i--) {
            streams.get(i).close();
        }
    }

    @Override
    public String toString() {
        return "ChainWriter[" + writer + "]";
    }
}
