package io.jdisco.schemes.dir;

import io.jdisco.worker.spi.SchemeContext;
import java.util.Optional;

/**
 * A {@code dir://} URL:
 *
 * <pre>
 *   dir://[user@]host[:port]/path/of/index.results[#label | #all]
 * </pre>
 *
 * The fragment picks the entries {@link DirSchemeProvider#expand} lists: one label, or every label
 * ({@code #all}, the label Disco gives a dir input under {@code group_node} and {@code group_all}).
 */
final class DirUrl {
    private static final String PREFIX = "dir://";
    /** The fragment that asks for every label, whatever the task's group label. */
    private static final String ALL = "all";

    private final String host;
    private final String port;
    private final String path;
    private final Integer label;
    private final boolean allLabels;

    private DirUrl(String host, String port, String path, Integer label, boolean allLabels) {
        this.host = host;
        this.port = port;
        this.path = path;
        this.label = label;
        this.allLabels = allLabels;
    }

    /** Parses {@code url}; {@link IllegalArgumentException} naming it when malformed. */
    static DirUrl parse(String url) {
        if (!url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a dir:// URL: " + url);
        }
        String rest = url.substring(PREFIX.length());
        Integer label = null;
        boolean allLabels = false;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            String fragment = rest.substring(hash + 1);
            rest = rest.substring(0, hash);
            allLabels = fragment.equals(ALL);
            if (!allLabels) {
                try {
                    label = Integer.valueOf(fragment);
                } catch (NumberFormatException e) {
                    label = -1;
                }
                if (label < 0 || !fragment.equals(label.toString())) {
                    throw new IllegalArgumentException("dir URL fragment must be a label (a whole number >= 0) or"
                            + " 'all', got \"#" + fragment + "\" in " + url);
                }
            }
        }
        int slash = rest.indexOf('/');
        String netloc = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("dir URL names no index file: " + url);
        }
        String hostPort = netloc.substring(netloc.indexOf('@') + 1);
        int colon = hostPort.indexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        String port = colon < 0 ? "" : hostPort.substring(colon + 1);
        if (!port.isEmpty() && !port.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("dir URL has a malformed port \"" + port + "\": " + url);
        }
        if (host.isEmpty() && !port.isEmpty()) {
            throw new IllegalArgumentException("dir URL has a port but no host: " + url);
        }
        return new DirUrl(host, port, path, label, allLabels);
    }

    /**
     * Where the index is read from (Disco's {@code urlresolve}): no host → the master;
     * a host without port → {@code disco://host}; with a port → {@code http://host:port}.
     */
    String indexUrl(SchemeContext context) {
        String base;
        if (host.isEmpty()) {
            base = context.master();
            while (base.endsWith("/")) {
                base = base.substring(0, base.length() - 1);
            }
        } else if (port.isEmpty()) {
            base = "disco://" + host;
        } else {
            base = "http://" + host + ":" + port;
        }
        return base + "/" + path;
    }

    /** The label of the {@code #label} fragment, if any. */
    Optional<Integer> label() {
        return Optional.ofNullable(label);
    }

    /** True for a {@code #all} fragment: every label, even inside a task with a numeric group label. */
    boolean allLabels() {
        return allLabels;
    }

    /** True for a gzipped index ({@code .gz}). */
    boolean isGzipped() {
        return path.endsWith(".gz");
    }
}
