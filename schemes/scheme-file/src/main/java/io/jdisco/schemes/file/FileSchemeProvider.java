package io.jdisco.schemes.file;

import io.jdisco.worker.DataException;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.spi.SchemeContext;
import io.jdisco.worker.spi.SchemeProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * Local files: {@code file:///abs/path}, {@code /abs/path} and {@code rel/path}.
 *
 * <p>As in Disco's {@code scheme_file}, the path is everything after {@code file://}, taken
 * literally (no percent-decoding: Disco paths hold {@code @}, {@code :} and {@code $} as they
 * are). A relative path is resolved against the task's job home (the worker's working
 * directory) in a task, else against the current directory. The size is the file's size.
 */
public final class FileSchemeProvider implements SchemeProvider {
    private static final String PREFIX = "file://";

    /** For {@link java.util.ServiceLoader}. */
    public FileSchemeProvider() {
    }

    @Override
    public Set<String> schemes() {
        return Set.of("file");
    }

    /**
     * Opens the file.
     *
     * @throws DataException naming the URL and the path when the file is missing, a directory
     *     or unreadable
     * @throws IllegalArgumentException when the URL names no path
     */
    @Override
    public InputLink open(String url, SchemeContext context) throws IOException {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(context, "context");
        Path path = path(url, context);
        if (Files.isDirectory(path)) {
            throw new DataException("is a directory, not a file: " + path, url);
        }
        InputStream in;
        long size;
        try {
            in = Files.newInputStream(path);
            size = Files.size(path);
        } catch (NoSuchFileException e) {
            throw new DataException("no such file: " + path, url, e);
        } catch (IOException | SecurityException e) {
            throw new DataException("cannot read file " + path + ": " + e, url, e);
        }
        return new InputLink(in, size, url);
    }

    /**
     * The local path {@code url} names, absolute.
     *
     * @throws IllegalArgumentException when the URL names no path or an invalid one
     */
    static Path path(String url, SchemeContext context) {
        String p = url.startsWith(PREFIX) ? url.substring(PREFIX.length()) : url;
        if (p.isEmpty()) {
            throw new IllegalArgumentException("file URL names no path: \"" + url + "\"");
        }
        if (p.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("file URL holds a NUL character: \"" + url + "\"");
        }
        try {
            Path path = Path.of(p);
            if (path.isAbsolute()) {
                return path;
            }
            Path base = context.task().map(t -> t.jobHome()).orElse(Path.of("").toAbsolutePath());
            return base.resolve(path);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("file URL names an invalid path: \"" + url + "\": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "FileSchemeProvider[file]";
    }
}
