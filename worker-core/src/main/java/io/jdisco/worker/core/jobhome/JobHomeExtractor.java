package io.jdisco.worker.core.jobhome;

import io.jdisco.worker.core.jobhome.internal.EntryNames;
import io.jdisco.worker.core.jobhome.internal.ZipDirectory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Unpacks a job home zip into a directory the way the master does on each node (SPEC §1.2):
 * every entry of the central directory is written below the job home, then the jobdict
 * {@code worker} file is made executable (0755), then the empty {@code .jobhome} marker is
 * written, last, so that a marker means a complete job home.
 *
 * <p>Unlike a plain unzip, it refuses archives that could write outside the job home or
 * confuse the master, before writing anything: absolute names, {@code ..} segments,
 * backslashes, symbolic-link entries, a name that is both a file and a directory, the master's own names
 * ({@code jobfile}, {@code .jobhome}, {@code .disco/}), methods other than STORED and DEFLATED
 * (all the master's {@code zip} module reads), and a missing worker. While writing it refuses
 * to follow a symbolic link already present in the target directory. Each refusal is a
 * {@link JobHomeException} naming the entry. Entry data is checked against its CRC-32.
 *
 * <p>A file name the archive holds twice is unpacked once, from its last entry, as Disco's master
 * (Erlang's {@code zip}, which writes the entries in order) ends up with: Python's
 * {@code zipfile} writes a module found by two paths twice, with a warning, and such packs run on
 * a real Disco.
 *
 * <p>Entries are streamed to disk, never held whole in memory, within {@link ExtractionLimits}:
 * the total bytes written and each entry's inflation ratio. A limit reached fails the extraction
 * with a {@link JobHomeException} naming the entry, and the file being written is removed.
 *
 * <p>Locking against concurrent extraction of the same job home is the caller's business, as it
 * is the master's (one lock per job per node).
 */
public final class JobHomeExtractor {
    private final String worker;
    private final ExtractionLimits limits;

    /**
     * An extractor for job homes whose executable is {@code worker}, the jobdict
     * {@code worker} value relative to the job home (e.g. {@link WorkerLauncher#DEFAULT_PATH}),
     * within the {@linkplain ExtractionLimits#defaults() default limits}.
     */
    public JobHomeExtractor(String worker) {
        this(worker, ExtractionLimits.defaults());
    }

    /** An extractor for job homes whose executable is {@code worker}, within {@code limits}. */
    public JobHomeExtractor(String worker, ExtractionLimits limits) {
        Objects.requireNonNull(worker, "worker");
        this.limits = Objects.requireNonNull(limits, "limits");
        EntryNames.problem(worker).ifPresent(problem -> {
            throw new IllegalArgumentException("unsafe worker path '" + worker + "': " + problem);
        });
        if (EntryNames.isDirectory(worker)) {
            throw new IllegalArgumentException("worker path '" + worker + "' names a directory");
        }
        this.worker = worker;
    }

    /** True when {@code jobHome} holds the {@code .jobhome} marker of a finished extraction. */
    public static boolean isExtracted(Path jobHome) {
        Objects.requireNonNull(jobHome, "jobHome");
        return Files.isRegularFile(jobHome.resolve(EntryNames.MARKER));
    }

    /**
     * Unpacks {@code zip} into {@code jobHome} (created if missing; existing files of the same
     * names are replaced) and returns the names unpacked, in archive order (a name held twice
     * once, at its last entry).
     *
     * @throws JobHomeException when the archive is unsafe or corrupt (nothing is written when
     *     the problem is visible in the central directory)
     * @throws IOException when the archive cannot be read as a zip or the disk write fails
     */
    public List<String> extract(byte[] zip, Path jobHome) throws IOException {
        Objects.requireNonNull(zip, "zip");
        Objects.requireNonNull(jobHome, "jobHome");
        ZipDirectory archive = ZipDirectory.read(zip);
        List<ZipDirectory.Entry> entries = archive.entries();
        checkEntries(entries);
        Files.createDirectories(jobHome);
        Path root = jobHome.toRealPath();
        List<String> names = new ArrayList<>(entries.size());
        ExtractionBudget budget = new ExtractionBudget(limits);
        for (ZipDirectory.Entry entry : lastOfEachName(entries)) {
            write(archive, entry, root, budget);
            names.add(rawName(entry));
        }
        markExecutable(root.resolve(worker));
        Files.write(root.resolve(EntryNames.MARKER), new byte[0]);
        return List.copyOf(names);
    }

    private void checkEntries(List<ZipDirectory.Entry> entries) {
        Set<String> seen = new HashSet<>();
        Set<String> files = new HashSet<>();
        boolean hasWorker = false;
        for (ZipDirectory.Entry entry : entries) {
            String name = rawName(entry);
            EntryNames.problem(name).ifPresent(problem -> {
                throw new JobHomeException(name, problem);
            });
            String path = EntryNames.isDirectory(name)
                    ? name.substring(0, name.length() - 1) : name;
            boolean wasFile = files.contains(path);
            if (!seen.add(path) && wasFile == EntryNames.isDirectory(name)) {
                throw new JobHomeException(name, "the archive holds this name both as a file and"
                        + " as a directory");
            }
            if (entry.unixSymlink()) {
                throw new JobHomeException(name, "symbolic links are not allowed in a job home");
            }
            int method = entry.method();
            if (!EntryNames.isDirectory(name) && method != 0 && method != 8) {
                throw new JobHomeException(name, "compression method " + method
                        + " is neither STORED (0) nor DEFLATED (8), the only ones the master reads");
            }
            if (entry.encrypted()) {
                throw new JobHomeException(name, "the entry data is encrypted");
            }
            if (!EntryNames.isDirectory(name)) {
                files.add(name);
            }
            hasWorker |= name.equals(worker);
        }
        for (String path : seen) {
            int slash = path.lastIndexOf('/');
            while (slash > 0) {
                String parent = path.substring(0, slash);
                if (files.contains(parent)) {
                    throw new JobHomeException(path, "its parent '" + parent + "' is a file");
                }
                slash = parent.lastIndexOf('/');
            }
        }
        if (!hasWorker) {
            throw new JobHomeException(worker, "the worker executable named by the jobdict is"
                    + " not a file of the job home");
        }
    }

    /**
     * The entries to write, in archive order: of the entries that share a name, only the last
     * (the one whose data an in-order unzip leaves on disk).
     */
    private static List<ZipDirectory.Entry> lastOfEachName(List<ZipDirectory.Entry> entries) {
        Map<String, Integer> last = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            last.put(rawName(entries.get(i)), i);
        }
        List<ZipDirectory.Entry> out = new ArrayList<>(last.size());
        for (int i = 0; i < entries.size(); i++) {
            if (last.get(rawName(entries.get(i))) == i) {
                out.add(entries.get(i));
            }
        }
        return out;
    }

    /**
     * The name exactly as stored (as UTF-8): the master does not turn backslashes into slashes,
     * so the checks must see the stored bytes.
     */
    private static String rawName(ZipDirectory.Entry entry) {
        return new String(entry.rawName(), StandardCharsets.UTF_8);
    }

    private static void write(ZipDirectory archive, ZipDirectory.Entry entry, Path root,
            ExtractionBudget budget) throws IOException {
        String name = rawName(entry);
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new JobHomeException(name, "resolves outside the job home " + root);
        }
        createParents(root, target.getParent(), name);
        if (Files.isSymbolicLink(target)) {
            throw new JobHomeException(name, "the job home already holds a symbolic link there");
        }
        if (EntryNames.isDirectory(name)) {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                    && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(target.toString(), null,
                        "a file is in the way of job home directory '" + name + "'");
            }
            if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(target);
            }
            return;
        }
        CRC32 crc = new CRC32();
        try (OutputStream file = Files.newOutputStream(target, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
                OutputStream out = budget.entry(name, entry.compressedSize(), crc, file)) {
            archive.copy(entry, out);
        } catch (JobHomeException e) {
            Files.deleteIfExists(target);
            throw e;
        } catch (IOException e) {
            Files.deleteIfExists(target);
            throw new IOException("cannot unpack job home entry '" + name + "' to " + target
                    + ": " + e.getMessage(), e);
        }
        if (crc.getValue() != entry.crc()) {
            Files.deleteIfExists(target);
            throw new JobHomeException(name, String.format(
                    "CRC-32 mismatch: the archive says %08x, the data gives %08x",
                    entry.crc(), crc.getValue()));
        }
    }

    /**
     * Creates the directories from {@code root} down to {@code parent} one by one, refusing to
     * pass through a symbolic link, so that no entry can create or write anything outside.
     */
    private static void createParents(Path root, Path parent, String name) throws IOException {
        Path current = root;
        for (Path part : root.relativize(parent)) {
            current = current.resolve(part);
            if (Files.isSymbolicLink(current)) {
                throw new JobHomeException(name, "the job home already holds a symbolic link at '"
                        + root.relativize(current) + "'; links are not followed");
            }
            if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(current);
            } else if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(current.toString(), null,
                        "a file is in the way of job home entry '" + name + "'");
            }
        }
    }

    private static void markExecutable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            if (!file.toFile().setExecutable(true, false)) {
                throw new IOException("cannot make the worker '" + file + "' executable", e);
            }
        }
    }
}
