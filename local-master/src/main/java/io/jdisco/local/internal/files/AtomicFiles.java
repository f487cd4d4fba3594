package io.jdisco.local.internal.files;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file whole or not at all: the bytes go to a temporary sibling
 * {@code .<name>.tmp-<n>}, which is renamed over the target atomically. When any step fails (a
 * full disk) the temporary file is deleted and the target is left as it was: a reader sees the
 * old file, the new one, or none, never a part, whenever the master process dies. Used for the
 * jobfiles and the job records.
 *
 * <p>A {@linkplain #write(Path, byte[], boolean) durable} write also forces the file to the disk
 * before the rename, and the directory after it (where the platform allows), so that it survives
 * a crash of the machine too. That costs milliseconds per file (6 ms for a small file, 27–69 ms
 * for 6 MB on the development VM's disk), so the master asks for it only for what must outlive a
 * power loss: the record of a finished job. Thread-safe.
 *
 * <p>The bytes go through {@link FileOutputStream}, not an NIO channel, which an interrupt of the
 * writing thread would close half-way: a job being killed still saves its record.
 */
public final class AtomicFiles {
    /** What a temporary file's name contains: files left by a crash are recognised by it. */
    static final String TEMP_MARK = ".tmp-";

    /** Writes the bytes into an open temporary file: the seam tests make fail like a full disk. */
    @FunctionalInterface
    interface Writer {
        /** Writes all of {@code bytes} to {@code out}, the temporary file of {@code target}. */
        void write(Path target, FileOutputStream out, byte[] bytes) throws IOException;
    }

    /** The real writer. */
    static final Writer DIRECT = (target, out, bytes) -> out.write(bytes);

    /** The files of the real disk. */
    public static final AtomicFiles DISK = new AtomicFiles(DIRECT);

    private static final AtomicLong COUNTER = new AtomicLong();

    private final Writer writer;

    /** Atomic files written through {@code writer}. */
    AtomicFiles(Writer writer) {
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /** Replaces {@code target} by {@code bytes}, whole or not at all (not forced to the disk). */
    public void write(Path target, byte[] bytes) throws IOException {
        write(target, bytes, false);
    }

    /** Replaces {@code target} by {@code bytes}, whole or not at all; {@code durable}: forced to the disk. */
    public void write(Path target, byte[] bytes, boolean durable) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(bytes, "bytes");
        Path temp = target.resolveSibling("." + target.getFileName() + TEMP_MARK + COUNTER.incrementAndGet());
        try {
            Files.createFile(temp);
            try (FileOutputStream out = new FileOutputStream(temp.toFile())) {
                writer.write(target, out, bytes);
                if (durable) {
                    out.getFD().sync();
                }
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException d) {
                e.addSuppressed(d);
            }
            throw e;
        }
        if (durable) {
            forceDirectory(target.getParent());
        }
    }

    /**
     * Forces a directory's entries (the rename) to the disk; not every platform can open one, and
     * an interrupted thread cannot (its channel is closed at once): the rename stands either way.
     */
    private static void forceDirectory(Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // The rename is done; only its durability across a power loss is not forced.
        }
    }

    /** True for the name of a temporary file this class makes (left behind only by a crash). */
    public static boolean isTemporary(String fileName) {
        return fileName.startsWith(".") && fileName.contains(TEMP_MARK);
    }
}
