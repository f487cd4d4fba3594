package io.jdisco.examples;

import io.jdisco.taskio.TaskIo;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.io.ChainContext;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.io.ReaderStage;
import io.jdisco.worker.io.RecordReader;
import java.io.IOException;
import java.util.NoSuchElementException;

/**
 * A map reader that tells each line where it came from: records are {@link UrlLine}s, the line
 * without its {@code \n}, numbered from 1. Grep prints the URL; join uses it to tell its two
 * sides apart.
 */
public final class UrlLineReader implements ReaderStage<UrlLine> {
    private static final long serialVersionUID = 1L;

    @Override
    public RecordReader<UrlLine> open(InputLink in, ChainContext context) throws IOException {
        RecordReader<Bytes> lines = TaskIo.byteLineReader(false, TaskIo.DEFAULT_MAX_RECORD_BYTES).open(in, context);
        String url = in.url();
        return new RecordReader<>() {
            private long number;
            private UrlLine current;

            @Override
            public boolean advance() throws IOException {
                if (!lines.advance()) {
                    current = null;
                    return false;
                }
                current = new UrlLine(url, ++number, lines.current());
                return true;
            }

            @Override
            public UrlLine current() {
                if (current == null) {
                    throw new NoSuchElementException("no current line of " + url);
                }
                return current;
            }

            @Override
            public void close() throws IOException {
                lines.close();
            }
        };
    }

    @Override
    public String toString() {
        return "UrlLineReader";
    }
}
