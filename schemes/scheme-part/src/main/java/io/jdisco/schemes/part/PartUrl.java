package io.jdisco.schemes.part;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@code part://} URL: the lines of a local file that start in a byte range.
 *
 * <pre>
 *   part://START-END/abs/path      START, END: decimal byte offsets, 0 &lt;= START &lt;= END
 *          \_______/\_______/
 *          the range the file, absolute, taken literally (no percent-decoding), as file:// does
 * </pre>
 *
 * A line belongs to the part its first byte lies in, so the parts {@code [0, a)}, {@code [a, b)},
 * ..., {@code [y, size)} of a file hold each of its lines exactly once, whatever the cut points.
 * Immutable.
 */
public final class PartUrl {
    /** The scheme prefix. */
    public static final String PREFIX = "part://";

    private final long start;
    private final long end;
    private final Path file;

    private PartUrl(long start, long end, Path file) {
        this.start = start;
        this.end = end;
        this.file = file;
    }

    /**
     * The part {@code [start, end)} of {@code file} (an absolute path).
     *
     * @throws IllegalArgumentException for a relative path or a range that is not {@code 0 <= start <= end}
     */
    public static PartUrl of(long start, long end, Path file) {
        Objects.requireNonNull(file, "file");
        if (!file.isAbsolute()) {
            throw new IllegalArgumentException("a part:// file must be absolute, got " + file);
        }
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("a part's range must be 0 <= start <= end, got " + start + "-" + end);
        }
        return new PartUrl(start, end, file);
    }

    /**
     * Parses {@code url}.
     *
     * @throws IllegalArgumentException naming the URL when it is not {@code part://START-END/abs/path}
     */
    public static PartUrl parse(String url) {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a part:// URL: \"" + url + "\"");
        }
        int slash = url.indexOf('/', PREFIX.length());
        int dash = url.indexOf('-', PREFIX.length());
        if (slash < 0 || dash < 0 || dash > slash || url.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a part URL is part://START-END/abs/path, got \"" + url + "\"");
        }
        try {
            long start = Long.parseLong(url.substring(PREFIX.length(), dash));
            long end = Long.parseLong(url.substring(dash + 1, slash));
            return of(start, end, Path.of(url.substring(slash)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a part URL's range is START-END in bytes, got \"" + url + "\"", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad part URL \"" + url + "\": " + e.getMessage(), e);
        }
    }

    /**
     * {@code file}, of {@code size} bytes, cut into {@code parts} ranges of nearly equal size:
     * the URLs of its lines, in order.
     */
    public static List<String> split(Path file, long size, int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be >= 1, got " + parts);
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
        List<String> urls = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            long from = Math.multiplyExact(size, (long) i) / parts;
            long to = Math.multiplyExact(size, (long) i + 1) / parts;
            urls.add(of(from, to, file).toString());
        }
        return urls;
    }

    /** The first byte of the range. */
    public long start() {
        return start;
    }

    /** The byte after the range. */
    public long end() {
        return end;
    }

    /** The file. */
    public Path file() {
        return file;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartUrl && ((PartUrl) o).start == start && ((PartUrl) o).end == end
                && ((PartUrl) o).file.equals(file);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, end, file);
    }

    /** {@code part://START-END/abs/path}. */
    @Override
    public String toString() {
        return PREFIX + start + "-" + end + file;
    }
}
