package io.jdisco.taskio.internal.compress;

import io.jdisco.worker.io.ChainContext;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.io.InputStage;
import java.io.IOException;
import java.io.InputStream;

/**
 * Decompresses the stream: {@code gzip_reader} when the format is fixed to gzip, or detection by
 * magic bytes then URL suffix ({@code null} format). The size of the result is unknown (Python
 * passes the compressed size on, which no reader can use).
 */
public final class DecompressStage implements InputStage {
    private static final long serialVersionUID = 1L;

    private final Compression format;

    /** A stage for {@code format}, or detecting the format when {@code null}. */
    public DecompressStage(Compression format) {
        this.format = format;
    }

    @Override
    public InputLink apply(InputLink in, ChainContext context) throws IOException {
        InputStream raw = in.stream();
        InputStream out = format == null ? Compression.detectAndWrap(raw, in.url()) : format.wrap(raw, in.url());
        if (out == raw) {
            return in;
        }
        return new InputLink(out, InputLink.UNKNOWN_SIZE, in.url());
    }

    @Override
    public String toString() {
        return format == Compression.GZIP ? "gzip_reader" : format == null ? "decompress(auto)"
                : "decompress(" + format + ")";
    }
}
