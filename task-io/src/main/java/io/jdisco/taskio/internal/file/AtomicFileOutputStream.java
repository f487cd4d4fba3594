package io.jdisco.taskio.internal.file;

import io.jdisco.worker.DataException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Disco's {@code AtomicFile} (SPEC §7.9): writes {@code <path>.partial} and renames it to
 * {@code path} on {@link #close()}, so a task that dies never leaves a file under the final name.
 * Opening checks that the directory has at least {@code minFreeBytes} of usable space (a file
 * opened on a fuller disk is closed and deleted again).
 */
public final class AtomicFileOutputStream extends OutputStream {
    private final Path path;
    private final Path partial;
    private final OutputStream out;
    private boolean closed;

    private AtomicFileOutputStream(Path path, Path partial, OutputStream out) {
        this.path = path;
        this.partial = partial;
        this.out = out;
    }

    /**
     * Opens {@code <path>.partial}, creating the parent directories if missing, and checks free
     * space. The file is opened first and the directories made only when it cannot be (a task's
     * directory exists by then): a {@code mkdir} that fails on an existing directory still takes
     * its parent's lock, per output of every task.
     */
    public static AtomicFileOutputStream open(Path path, long minFreeBytes) throws IOException {
        Path abs = path.toAbsolutePath();
        Path dir = abs.getParent();
        Path partial = abs.resolveSibling(abs.getFileName() + ".partial");
        OutputStream file;
        try {
            try {
                file = Files.newOutputStream(partial);
            } catch (NoSuchFileException e) {
                Files.createDirectories(dir);
                file = Files.newOutputStream(partial);
            }
        } catch (IOException e) {
            throw new DataException("Cannot create output file: " + e, abs.toString(), e);
        }
        try {
            // one statfs: Files.getFileStore(dir) also resolved the real path (a readlink and a
            // stat per component) and read /proc/mounts, for each output of each task
            long free = dir.toFile().getUsableSpace();
            if (free == 0) {
                free = Files.getFileStore(dir).getUsableSpace(); // 0 is also File's answer to an error
            }
            if (free < minFreeBytes) {
                throw new DataException("Only " + free / 1024 + " KB disk space available. Task failed.", dir.toString());
            }
        } catch (IOException e) {
            file.close();
            Files.deleteIfExists(partial);
            throw e instanceof DataException ? e : new DataException("Cannot create output file: " + e, abs.toString(), e);
        }
        return new AtomicFileOutputStream(abs, partial, new GrowingBufferedOutputStream(file, 4 * 1024, 64 * 1024));
    }

    /** The final path. */
    public Path path() {
        return path;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /**
     * Gives the output up: closes and deletes {@code <path>.partial} without renaming it, so that
     * nothing appears under the final name. A later {@link #close()} does nothing.
     */
    public void abort() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            // the file is deleted next; a failing close cannot matter
        }
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            // an undeletable .partial file is still invisible under the final name
        }
    }

    /** Flushes, closes and renames the file to its final name (once). */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        out.close();
        try {
            Files.move(partial, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, path, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public String toString() {
        return "AtomicFile[" + path + "]";
    }
}
