package io.jdisco.worker.core.protocol.pipe;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A stream whose {@link #close()} only flushes: for one pipe that serves several protocol
 * sessions in turn (a reused worker process's stdin and stderr), where each session closes its
 * streams at its end and the next one still needs them. Writes go straight through, in whole
 * arrays (unlike {@link FilterOutputStream}'s byte-by-byte default).
 */
public final class KeepOpenOutputStream extends FilterOutputStream {
    /** A stream writing to {@code out}, which it never closes. */
    public KeepOpenOutputStream(OutputStream out) {
        super(Objects.requireNonNull(out, "out"));
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    /** Flushes and leaves the underlying stream open. */
    @Override
    public void close() throws IOException {
        out.flush();
    }
}
