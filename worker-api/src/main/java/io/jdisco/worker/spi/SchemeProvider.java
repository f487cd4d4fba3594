package io.jdisco.worker.spi;

import io.jdisco.worker.io.InputLink;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * A URL scheme handler, found with {@link java.util.ServiceLoader}: put a jar with an
 * implementation and a {@code META-INF/services/io.jdisco.worker.spi.SchemeProvider} file on the
 * class path and its schemes become readable everywhere jdisco opens URLs.
 *
 * <p>Two kinds of scheme exist. A <em>direct</em> scheme ({@code file}, {@code http},
 * {@code disco}, {@code raw}) names bytes: {@link #open} returns them. An <em>indirect</em> scheme
 * ({@code dir}, {@code tag}) names a list of other inputs: {@link #expand} returns them, and
 * {@link #open} returns the bytes of the listing itself. Implementations must be thread-safe and
 * have a public no-argument constructor.
 */
public interface SchemeProvider {
    /** The schemes served, e.g. {@code ["http", "https"]}; case-sensitive, without {@code "://"}. */
    Set<String> schemes();

    /**
     * Opens {@code url} for reading.
     *
     * @return a link with the open stream, its size if known, and the URL actually read (for
     *     example {@code file:///...} for a {@code disco://} URL that is a local file)
     * @throws io.jdisco.worker.DataException when the resource cannot be read (retryable)
     * @throws IllegalArgumentException when the URL is malformed for this scheme
     */
    InputLink open(String url, SchemeContext context) throws IOException;

    /** True for indirect schemes, whose URLs name lists of inputs. */
    default boolean isIndirect() {
        return false;
    }

    /**
     * The inputs an indirect URL names, in order. A direct scheme returns the URL itself as one
     * input with label 0 and unknown size.
     *
     * @throws io.jdisco.worker.DataException when the listing cannot be read
     */
    default List<ResolvedInput> expand(String url, SchemeContext context) throws IOException {
        return List.of(ResolvedInput.of(url));
    }
}
