package io.jdisco.taskio.plain;

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
 * into pairs: read it with line readers.
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

    /** Writes each record's line through a {@link LineBuffer}. */
    private static final class LineWriter implements RecordWriter {
        private final OutputStream out;
        private final LineBuffer lines;
        private boolean closed;

        LineWriter(OutputStream out) {
            this.out = out;
            this.lines = new LineBuffer(out);
        }

        @Override
        public void add(Object key, Object value) throws IOException {
            if (closed) {
                throw new IllegalStateException("writer is closed");
            }
            lines.put(RecordText.asBytes(key));
            lines.put(RecordText.asBytes(value));
            lines.endLine();
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
            lines.drain();
            out.close();
        }
    }
}
