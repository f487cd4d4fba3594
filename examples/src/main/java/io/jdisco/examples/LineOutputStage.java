package io.jdisco.examples;

import io.jdisco.worker.Bytes;
import io.jdisco.worker.io.ChainContext;
import io.jdisco.worker.io.OutputLink;
import io.jdisco.worker.io.RecordWriter;
import io.jdisco.worker.io.WriterStage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The sort's reduce output: each {@code (key, rest)} record as the text line it came from,
 * <pre>
 *   key bytes | rest bytes | \n          (no length, no separator: the key has a fixed width)
 * </pre>
 * fields as {@link RecordText#asBytes} gives them. A result is then a sorted text file: the client
 * copies results that are key ranges straight to its output, where decoding and re-encoding Disco's
 * internal format cost the 100 MB sort a fifth of its time. Not a format Disco's readers decode
 * into pairs: read it with line readers ({@link SortRecords#RESULT_LINES}).
 */
public final class LineOutputStage implements WriterStage {
    private static final long serialVersionUID = 1L;

    @Override
    public RecordWriter open(OutputLink in, ChainContext context) {
        return new LineWriter(Objects.requireNonNull(in.stream(), "the output stream"));
    }

    @Override
    public String toString() {
        return "sort_line_output";
    }

    /** Packs lines into a buffer of its own and writes it out whole. */
    private static final class LineWriter implements RecordWriter {
        private static final int BUFFER = 1 << 16;

        private final OutputStream out;
        private final byte[] buffer = new byte[BUFFER];
        private int used;
        private boolean closed;

        LineWriter(OutputStream out) {
            this.out = out;
        }

        @Override
        public void add(Object key, Object value) throws IOException {
            if (closed) {
                throw new IllegalStateException("writer is closed");
            }
            put(RecordText.asBytes(key));
            put(RecordText.asBytes(value));
            if (used == BUFFER) {
                drain();
            }
            buffer[used++] = '\n';
        }

        private void put(Bytes b) throws IOException {
            int n = b.length();
            if (n > BUFFER - used) {
                drain();
                if (n > BUFFER) {
                    b.writeTo(out);
                    return;
                }
            }
            b.copyTo(buffer, used);
            used += n;
        }

        private void drain() throws IOException {
            out.write(buffer, 0, used);
            used = 0;
        }

        /**
         * Writes what is buffered and closes the stream (for an atomic file: makes it visible); a
         * failed write leaves the stream open, so no partial output is made visible.
         */
        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            drain();
            out.close();
        }
    }
}
