package io.jdisco.schemes.disco;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A {@code disco://} URL split as Disco's {@code urlsplit} does (SPEC §9.3):
 *
 * <pre>
 *   disco://[user@]host[:port]/first/rest...
 *           \____ netloc ____/ \___ path ___/
 * </pre>
 *
 * The host is the netloc without anything up to {@code @} and from {@code :} on.
 */
final class DiscoUrl {
    private static final String PREFIX = "disco://";

    private final String netloc;
    private final String host;
    private final String path;

    private DiscoUrl(String netloc, String host, String path) {
        this.netloc = netloc;
        this.host = host;
        this.path = path;
    }

    /** Splits {@code url}; {@link IllegalArgumentException} naming it when host or path is missing. */
    static DiscoUrl parse(String url) {
        if (!url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a disco:// URL: " + url);
        }
        String rest = url.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String netloc = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        String host = netloc.substring(netloc.indexOf('@') + 1);
        int colon = host.indexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("disco URL has no host: " + url);
        }
        if (path.isEmpty()) {
            throw new IllegalArgumentException("disco URL has no path: " + url);
        }
        return new DiscoUrl(netloc, host, path);
    }

    /** The netloc as written (compared with the task's host for locality). */
    String netloc() {
        return netloc;
    }

    /** The host. */
    String host() {
        return host;
    }

    /** The path after the netloc's slash, e.g. {@code disco/node1/ab/job/file}. */
    String path() {
        return path;
    }

    /**
     * Disco's {@code localize}: drop the first segment; {@code ddfs} → under {@code ddfsData},
     * anything else → under {@code discoData}. Empty when the path has a single segment, climbs
     * out of the root with {@code ..}, or is not a valid local path.
     */
    Optional<Path> localPath(String ddfsData, String discoData) {
        int slash = path.indexOf('/');
        if (slash < 0 || slash == path.length() - 1) {
            return Optional.empty();
        }
        String first = path.substring(0, slash);
        String rest = path.substring(slash + 1);
        try {
            Path root = Path.of("ddfs".equals(first) ? ddfsData : discoData).toAbsolutePath().normalize();
            Path p = root.resolve(rest).normalize();
            return p.startsWith(root) ? Optional.of(p) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return PREFIX + netloc + "/" + path;
    }
}
