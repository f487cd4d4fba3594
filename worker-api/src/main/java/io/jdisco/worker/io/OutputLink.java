package io.jdisco.worker.io;

import java.io.OutputStream;
import java.util.Objects;

/**
 * What one output-chain stage hands the next: the stream and its URL — the {@code (stream, url)}
 * pair of Disco's output stream functions (SPEC §7.1). The first stage receives a link with no
 * stream, whose URL is the output's local path; it opens the file.
 */
public final class OutputLink {
    private final OutputStream stream;
    private final String url;

    /** A link. */
    public OutputLink(OutputStream stream, String url) {
        this.stream = stream;
        this.url = Objects.requireNonNull(url, "url");
    }

    /** The link an output chain starts from: only the path or URL to write. */
    public static OutputLink start(String url) {
        return new OutputLink(null, url);
    }

    /** The stream, or {@code null} before the first stage opened it. */
    public OutputStream stream() {
        return stream;
    }

    /** True when a stream is present. */
    public boolean isOpen() {
        return stream != null;
    }

    /** The URL or local path of the output. */
    public String url() {
        return url;
    }

    @Override
    public String toString() {
        return "OutputLink[" + url + (isOpen() ? ", open" : "") + "]";
    }
}
