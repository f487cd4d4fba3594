package io.jdisco.taskio.internal.text;

import io.jdisco.taskio.internal.bytes.InputCursor;
import io.jdisco.taskio.internal.compress.Compression;
import io.jdisco.worker.Bytes;
import io.jdisco.worker.io.ChainContext;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.io.ReaderStage;
import io.jdisco.worker.io.RecordReader;

/**
 * Lines as lossless {@link Bytes}, with or without their {@code \n}: the default end of an input
 * chain (Python iterates the last stream, a file, by lines) and, behind a gunzip, {@code
 * gzip_line_reader}.
 */
public final class ByteLineReaderStage implements ReaderStage<Bytes> {
    private static final long serialVersionUID = 1L;

    private final boolean keepNewline;
    private final int maxLineBytes;
    private final boolean gunzip;

    /** A stage; {@code gunzip} first decompresses gzip (all members). */
    public ByteLineReaderStage(boolean keepNewline, int maxLineBytes, boolean gunzip) {
        this.keepNewline = keepNewline;
        this.maxLineBytes = maxLineBytes;
        this.gunzip = gunzip;
    }

    @Override
    public RecordReader<Bytes> open(InputLink in, ChainContext context) throws java.io.IOException {
        java.io.InputStream s = gunzip ? Compression.GZIP.wrap(in.stream(), in.url()) : in.stream();
        return new LineRecordReader<>(new InputCursor(s, in.url()), keepNewline, maxLineBytes,
                (buf, off, len, at, url) -> Bytes.of(buf, off, len));
    }

    @Override
    public String toString() {
        return gunzip ? "gzip_line_reader" : "byte_lines(keepNewline=" + keepNewline + ")";
    }
}
