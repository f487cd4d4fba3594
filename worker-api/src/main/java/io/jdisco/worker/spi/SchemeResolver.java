package io.jdisco.worker.spi;

import io.jdisco.worker.io.InputLink;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Opens any URL by its scheme: the view of the scheme registry that stream stages and scheme
 * handlers use. A URL without {@code "://"} is a local file path.
 */
public interface SchemeResolver {
    /**
     * Opens {@code url} with the handler of its scheme.
     *
     * @throws IllegalArgumentException when no handler serves the scheme, naming the URL and the
     *     known schemes
     */
    InputLink open(String url, SchemeContext context) throws IOException;

    /** Expands {@code url}; a direct URL expands to itself (see {@link SchemeProvider#expand}). */
    List<ResolvedInput> expand(String url, SchemeContext context) throws IOException;

    /** True when {@code url}'s scheme is indirect ({@code dir}, {@code tag}). */
    boolean isIndirect(String url);

    /** The schemes served, sorted. */
    Set<String> schemes();

    /** The scheme of {@code url}: the text before the first {@code "://"}, or {@code "file"}. */
    static String schemeOf(String url) {
        int i = url.indexOf("://");
        return i < 0 ? "file" : url.substring(0, i);
    }
}
