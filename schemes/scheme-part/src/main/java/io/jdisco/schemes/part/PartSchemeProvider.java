package io.jdisco.schemes.part;

import io.jdisco.worker.DataException;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.spi.SchemeContext;
import io.jdisco.worker.spi.SchemeProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * {@code part://START-END/abs/path} ({@link PartUrl}): the lines of a local file that start in a
 * byte range, so that one big file of lines feeds several map tasks. Disco has no such scheme:
 * its users cut big inputs into chunks (DDFS blobs or files); jdisco's command line cuts a local
 * file bigger than a chunk into parts instead of copying it, since a single 1 GB file is
 * otherwise one map task on one core. The parts' URLs are meaningful wherever the path is (the
 * local master, or a cluster whose nodes share the file system), as for {@code file://}.
 *
 * <p>Only line-oriented inputs may be cut: a record in another format that crosses a cut point
 * would be split in two. The size of a link is unknown (the range's bytes, give or take the
 * partial lines at its ends).
 */
public final class PartSchemeProvider implements SchemeProvider {
    /** For {@link java.util.ServiceLoader}. */
    public PartSchemeProvider() {
    }

    @Override
    public Set<String> schemes() {
        return Set.of("part");
    }

    /**
     * Opens the part.
     *
     * @throws DataException naming the URL when the file is missing, a directory or unreadable
     * @throws IllegalArgumentException when the URL is not {@code part://START-END/abs/path}
     */
    @Override
    public InputLink open(String url, SchemeContext context) throws IOException {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(context, "context");
        PartUrl part = PartUrl.parse(url);
        Path file = part.file();
        if (Files.isDirectory(file)) {
            throw new DataException("is a directory, not a file: " + file, url);
        }
        try {
            return new InputLink(LinePartInputStream.open(file, part.start(), part.end()), InputLink.UNKNOWN_SIZE, url);
        } catch (NoSuchFileException e) {
            throw new DataException("no such file: " + file, url, e);
        } catch (IOException | SecurityException e) {
            throw new DataException("cannot read file " + file + ": " + e, url, e);
        }
    }

    @Override
    public String toString() {
        return "PartSchemeProvider[part]";
    }
}
