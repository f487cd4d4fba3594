package io.jdisco.worker.io;

import java.io.InputStream;
import java.util.Objects;

/**
 * What one input-chain stage hands the next: the stream, its size and its URL — the
 * {@code (stream, size, url)} triple of Disco's input stream functions (SPEC §7.1).
 *
 * <p>The first stage of a chain receives a link with no stream ({@link #start(String)}); it opens
 * the URL. A stage that decodes (gunzip, say) returns a new link whose stream wraps the old one;
 * closing the outer stream must close the inner one.
 */
public final class InputLink {
    /** The size value meaning "not known". */
    public static final long UNKNOWN_SIZE = -1;

    private final InputStream stream;
    private final long size;
    private final String url;

    /** A link; {@code size} is the byte count of {@code stream} or {@link #UNKNOWN_SIZE}. */
    public InputLink(InputStream stream, long size, String url) {
        this.stream = stream;
        if (size < UNKNOWN_SIZE) {
            throw new IllegalArgumentException("size must be >= 0 or UNKNOWN_SIZE, got " + size);
        }
        this.size = size;
        this.url = Objects.requireNonNull(url, "url");
    }

    /** The link a chain starts from: only a URL. */
    public static InputLink start(String url) {
        return new InputLink(null, UNKNOWN_SIZE, url);
    }

    /** The stream, or {@code null} before the first stage opened the URL. */
    public InputStream stream() {
        return stream;
    }

    /** True when a stream is present. */
    public boolean isOpen() {
        return stream != null;
    }

    /** The size in bytes, or {@link #UNKNOWN_SIZE}. */
    public long size() {
        return size;
    }

    /** True when the size is known. */
    public boolean hasSize() {
        return size != UNKNOWN_SIZE;
    }

    /** The URL (possibly rewritten by a stage, e.g. {@code disco://} to {@code file://}). */
    public String url() {
        return url;
    }

    @Override
    public String toString() {
        return "InputLink[" + url + ", size " + (hasSize() ? size : "unknown") + (isOpen() ? ", open" : "") + "]";
    }
}
