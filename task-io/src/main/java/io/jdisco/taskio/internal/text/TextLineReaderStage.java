package io.jdisco.taskio.internal.text;

import io.jdisco.taskio.MalformedInput;
import io.jdisco.taskio.internal.bytes.InputCursor;
import io.jdisco.worker.io.ChainContext;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.io.ReaderStage;
import io.jdisco.worker.io.RecordReader;
import java.nio.charset.Charset;

/** Lines as {@code String}s without their line end, decoded with a charset. */
public final class TextLineReaderStage implements ReaderStage<String> {
    private static final long serialVersionUID = 1L;

    private final String charset;
    private final MalformedInput onMalformed;
    private final int maxLineBytes;

    /** A stage decoding with {@code charset}. */
    public TextLineReaderStage(Charset charset, MalformedInput onMalformed, int maxLineBytes) {
        this.charset = charset.name();
        this.onMalformed = onMalformed;
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public RecordReader<String> open(InputLink in, ChainContext context) {
        return new LineRecordReader<>(new InputCursor(in.stream(), in.url()), false, maxLineBytes,
                new TextLineDecoder(Charset.forName(charset), onMalformed));
    }

    @Override
    public String toString() {
        return "lines(" + charset + ", " + onMalformed + ")";
    }
}
