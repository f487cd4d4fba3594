package io.jdisco.taskio.internal.oldformat;

import io.jdisco.worker.io.RecordWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Disco's old text format writer ({@code DiscoPlainOut}, {@code DiscoOutputStream_v0}, SPEC
 * §7.6): each record as {@code "<len(k)> <k> <len(v)> <v>\n"} of {@code str(k)}, {@code str(v)},
 * lengths in bytes. No header: the first byte is a digit, which is how readers recognise it.
 */
public final class PlainRecordWriter implements RecordWriter {
    private final OutputStream out;
    private boolean closed;

    /** A writer onto {@code out}; closing it closes {@code out}. */
    public PlainRecordWriter(OutputStream out) {
        this.out = out;
    }

    @Override
    public void add(Object key, Object value) throws IOException {
        if (closed) {
            throw new IllegalStateException("writer is closed");
        }
        byte[] k = PyText.str(key);
        byte[] v = PyText.str(value);
        writeField(k, ' ');
        writeField(v, '\n');
    }

    private void writeField(byte[] b, char separator) throws IOException {
        out.write(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
        out.write(' ');
        out.write(b);
        out.write(separator);
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }

    @Override
    public String toString() {
        return "DiscoPlainOut";
    }
}
