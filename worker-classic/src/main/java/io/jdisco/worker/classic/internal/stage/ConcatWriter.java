package io.jdisco.worker.classic.internal.stage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * The output of a shuffle stage (SPEC §5.8): the byte concatenation of whole internal-format files,
 * which is itself a valid internal-format stream because every file ends with a non-empty
 * terminator hunk. It takes bytes, not records.
 *
 * <p>Appended files are copied through the atomic first stage of the output chain, opened on the
 * first append, so the output becomes visible only once closed. An output made of a single local
 * file is that file: {@link #link} makes a hard link to it under {@code <file>.partial}, renamed
 * on close like the atomic stage's file. The 100 MB sort's one map output per label took the
 * shuffle 0.1-0.35 s to copy, the only task running meanwhile.
 */
public final class ConcatWriter implements io.jdisco.worker.io.RecordWriter {
    /** Copy buffer: large reads and writes, past the 64 KiB buffer of the atomic stage. */
    private static final int COPY_BUFFER = 256 * 1024;

    /** Opens the output stream (the atomic first stage of the output chain). */
    @FunctionalInterface
    public interface StreamOpener {
        /** Opens the stream. */
        OutputStream open() throws IOException;
    }

    private final StreamOpener opener;
    private final Path file;
    private final String path;
    private OutputStream out;
    private Path linked;
    private byte[] buffer;
    private boolean closed;

    /** The output {@code file} (the task output {@code path}), its stream opened by {@code opener}. */
    public ConcatWriter(StreamOpener opener, Path file, String path) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        this.path = Objects.requireNonNull(path, "path");
    }

    /**
     * Copies all of {@code in} to the output and closes {@code in}.
     *
     * @throws IllegalStateException after {@link #link}, naming the output
     */
    public long append(InputStream in) throws IOException {
        try (InputStream src = in) {
            if (linked != null) {
                throw new IllegalStateException("shuffle output " + path + " is a link to one file: nothing can follow it");
            }
            if (out == null) {
                out = opener.open();
                buffer = new byte[COPY_BUFFER];
            }
            long total = 0;
            for (int n; (n = src.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                total += n;
            }
            return total;
        }
    }

    /**
     * Makes the output the local file {@code source} itself, by a hard link, when nothing was
     * appended yet. False, with nothing done, when the file system cannot link it (another
     * device, no hard links): the caller then appends it.
     */
    public boolean link(Path source) throws IOException {
        Objects.requireNonNull(source, "source");
        if (out != null || linked != null) {
            return false;
        }
        Path partial = partial();
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(partial);
        try {
            Files.createLink(partial, source);
        } catch (UnsupportedOperationException | FileSystemException e) {
            return false;
        }
        linked = partial;
        return true;
    }

    /**
     * Refused: a shuffle output holds copied files.
     *
     * @throws IllegalStateException always, naming the output
     */
    @Override
    public void add(Object key, Object value) {
        throw new IllegalStateException("shuffle output " + path + " takes whole files (append), not records");
    }

    /** Publishes the output: the copy's stream closed (an empty one if nothing came), or the link renamed. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (linked == null) {
            if (out == null) {
                out = opener.open();
            }
            out.close();
            return;
        }
        try {
            Files.move(linked, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(linked, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Path partial() {
        return file.resolveSibling(file.getFileName() + ".partial");
    }
}
