package io.jdisco.taskio.internal.chain;

import io.jdisco.taskio.internal.file.AtomicFileOutputStream;
import io.jdisco.worker.io.RecordWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The writer an output chain hands out: {@code add} goes to the chain's writer; {@code close}
 * closes the writer, then every stream of the chain, last first (so an atomic file is renamed
 * only after the writer wrote its last bytes). If the writer fails to finish, atomic files are
 * aborted instead: a failed output never appears under its final name.
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
        try {
            writer.close();
        } catch (IOException | RuntimeException | Error e) {
            abortAll(streams, e);
            throw e;
        }
        for (int i = streams.size() - 1; i >= 0; i--) {
            streams.get(i).close();
        }
    }

    /**
     * Cleans up after a failure: atomic files are aborted first (deleted, never renamed), then
     * the other streams are closed, so that no close cascading into an atomic file publishes it.
     */
    public static void abortAll(List<? extends Closeable> streams, Throwable failure) {
        for (Closeable s : streams) {
            if (s instanceof AtomicFileOutputStream) {
                ((AtomicFileOutputStream) s).abort();
            }
        }
        List<Closeable> others = new ArrayList<>(streams.size());
        for (Closeable s : streams) {
            if (!(s instanceof AtomicFileOutputStream)) {
                others.add(s);
            }
        }
        ChainReader.closeQuietly(others, failure);
    }

    @Override
    public String toString() {
        return "ChainWriter[" + writer + "]";
    }
}
