package io.jdisco.worker.core.output;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The master's rules for an {@code OUTPUT} location (SPEC §2.4.6): a local output is a path
 * relative to the job home; the master reads a leading {@code [A-Za-z0-9+.-]+:} as a URL scheme and
 * rejects an absolute path, so a local path must not start with {@code /} and must have a {@code /}
 * before any {@code :}.
 */
public final class OutputLocations {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z0-9+.\\-]+:");

    private OutputLocations() {
    }

    /**
     * Checks a local output path.
     *
     * @return the path
     * @throws IllegalArgumentException saying which rule {@code path} breaks
     */
    public static String checkLocal(String path) {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("output path is empty; it must be a path relative to the job home");
        }
        if (path.startsWith("/")) {
            throw new IllegalArgumentException("output path '" + path + "' is absolute; the master rejects it "
                    + "(invalid_output); give it relative to the job home");
        }
        if (SCHEME.matcher(path).find()) {
            throw new IllegalArgumentException("output path '" + path + "' has a ':' before its first '/', so the "
                    + "master would read '" + path.substring(0, path.indexOf(':')) + "' as a URL scheme; put a "
                    + "directory first (e.g. the task path)");
        }
        return path;
    }
}
