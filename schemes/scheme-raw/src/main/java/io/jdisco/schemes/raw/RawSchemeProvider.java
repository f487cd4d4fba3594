package io.jdisco.schemes.raw;

import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.spi.SchemeContext;
import io.jdisco.worker.spi.SchemeProvider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;

/**
 * {@code raw://<data>}: the text after {@code raw://} is the input itself, as UTF-8 bytes.
 *
 * <p>Like Disco's {@code scheme_raw} nothing is decoded: {@code raw://a%20b} yields the five
 * bytes {@code a%20b}. Jobs that need arbitrary bytes choose a URL-safe encoding (base64, say)
 * and decode it in their reader.
 */
public final class RawSchemeProvider implements SchemeProvider {
    private static final String PREFIX = "raw://";

    /** For {@link java.util.ServiceLoader}. */
    public RawSchemeProvider() {
    }

    @Override
    public Set<String> schemes() {
        return Set.of("raw");
    }

    /**
     * The bytes after {@code raw://}; size known.
     *
     * @throws IllegalArgumentException when {@code url} is not a {@code raw://} URL
     */
    @Override
    public InputLink open(String url, SchemeContext context) {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a raw:// URL: " + url);
        }
        byte[] data = url.substring(PREFIX.length()).getBytes(StandardCharsets.UTF_8);
        return new InputLink(new ByteArrayInputStream(data), data.length, url);
    }

    @Override
    public String toString() {
        return "RawSchemeProvider[raw]";
    }
}
