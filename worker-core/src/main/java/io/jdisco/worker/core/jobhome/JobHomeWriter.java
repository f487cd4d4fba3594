package io.jdisco.worker.core.jobhome;

import io.jdisco.worker.core.jobhome.internal.EntryNames;
import io.jdisco.worker.core.jobhome.internal.ZipBytesWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the job home ZIP of a job pack (SPEC §3.7): the files the worker needs on every node,
 * such as the {@code bin/worker} launcher, {@code lib/*.jar} and shipped classes.
 *
 * <p>The archive is what the master can unpack (STORED or DEFLATED entries, no ZIP64,
 * directories as entries ending in {@code /}) and is deterministic: entries are written sorted by
 * name with one fixed time stamp, so the same contents always give the same bytes, whatever the
 * order of the {@code add} calls, the clock or the time zone. Parent directories get their own
 * entries automatically.
 *
 * <p>Names are relative paths with {@code /}; absolute names, {@code ..}, backslashes, and the
 * names the master writes itself ({@code jobfile}, {@code .jobhome}, {@code .disco/}) are
 * refused with an {@link IllegalArgumentException}, as is a name added twice or used both as a
 * file and as a directory. Not thread-safe: one thread builds a job home.
 */
public final class JobHomeWriter {
    private static final int FILE_MODE = 0644;
    private static final int EXEC_MODE = 0755;
    private static final int DIR_MODE = 0755;

    /** Name → entry; directories end in '/'. Sorted, which fixes the order in the archive. */
    private final Map<String, Entry> entries = new TreeMap<>();

    /** An empty job home. */
    public JobHomeWriter() {
    }

    /** Adds a file {@code name} holding {@code data} (copied now), mode 0644. */
    public JobHomeWriter addBytes(String name, byte[] data) {
        Objects.requireNonNull(data, "data");
        add(name, new Entry(data.clone(), null, FILE_MODE, "bytes"));
        return this;
    }

    /**
     * Adds an executable file {@code name} holding {@code data}, mode 0755 in the archive. The
     * master restores no modes (only the jobdict {@code worker} is made executable), so a worker
     * must still chmod helper programs itself.
     */
    public JobHomeWriter addExecutable(String name, byte[] data) {
        Objects.requireNonNull(data, "data");
        add(name, new Entry(data.clone(), null, EXEC_MODE, "bytes"));
        return this;
    }

    /**
     * Adds the launcher script of {@code launcher} at {@code path} (the jobdict {@code worker}
     * value, e.g. {@link WorkerLauncher#DEFAULT_PATH}). The master starts it through
     * {@code /bin/sh -c}, so the path may hold only {@code [A-Za-z0-9._/-]}.
     */
    public JobHomeWriter addLauncher(String path, WorkerLauncher launcher) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(launcher, "launcher");
        if (!path.matches("[A-Za-z0-9._/-]+")) {
            throw new IllegalArgumentException("launcher path '" + path + "' must match"
                    + " [A-Za-z0-9._/-]+: the master runs it through /bin/sh -c");
        }
        byte[] script = launcher.script().getBytes(StandardCharsets.UTF_8);
        add(path, new Entry(script, null, EXEC_MODE, launcher.toString()));
        return this;
    }

    /**
     * Adds the regular file {@code file} as entry {@code name}; its bytes are read when the
     * archive is written. Mode 0755 when the file is executable, else 0644.
     */
    public JobHomeWriter addFile(String name, Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("job home file '" + file
                    + "' for entry '" + name + "' is not a regular file");
        }
        add(name, new Entry(null, file, Files.isExecutable(file) ? EXEC_MODE : FILE_MODE,
                "file " + file));
        return this;
    }

    /**
     * Adds every file and directory below {@code directory} under {@code prefix} (a directory
     * name such as {@code "classes"}, or {@code ""} for the job home root). Symbolic links to
     * files are followed; a link to a directory, or anything that is neither file nor directory,
     * is refused rather than silently left out.
     */
    public JobHomeWriter addDirectory(String prefix, Path directory) {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("'" + directory + "' is not a directory");
        }
        String base = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        if (!base.isEmpty()) {
            addDirectoryEntry(base, "directory " + directory);
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(directory)) {
            paths = walk.filter(p -> !p.equals(directory)).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list job home directory '" + directory + "'", e);
        }
        for (Path path : paths) {
            String name = base + relativeName(directory, path);
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                addDirectoryEntry(name + "/", "directory " + path);
            } else if (Files.isRegularFile(path)) {
                addFile(name, path);
            } else if (Files.isDirectory(path)) {
                throw new IllegalArgumentException("'" + path + "' is a symbolic link to a"
                        + " directory; job homes hold no links, add its target explicitly");
            } else {
                throw new IllegalArgumentException("'" + path
                        + "' is neither a regular file nor a directory");
            }
        }
        return this;
    }

    /** The entry names the archive will hold, in archive order. */
    public List<String> entryNames() {
        return List.copyOf(entries.keySet());
    }

    /** Writes the archive to {@code out} (not closed). */
    public void writeTo(OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        ZipBytesWriter zip = new ZipBytesWriter(out);
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            Entry entry = e.getValue();
            if (EntryNames.isDirectory(e.getKey())) {
                zip.addDirectory(e.getKey(), entry.mode);
            } else {
                zip.addFile(e.getKey(), entry.read(e.getKey()), entry.mode);
            }
        }
        zip.finish();
    }

    /** The archive as bytes: the {@code jobhome} section of a job pack. */
    public byte[] toByteArray() throws IOException {
        // Sized for the stored case up front: growing by doubling copied the 6 MB runtime jar
        // of a shaded client about twice over before the archive was done.
        ByteArrayOutputStream out = new ByteArrayOutputStream(storedSizeEstimate());
        writeTo(out);
        return out.toByteArray();
    }

    /** The archive's size if every entry were stored: contents plus headers, at most 1 GiB. */
    private int storedSizeEstimate() {
        long total = 22;
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            total += 2L * (46 + e.getKey().length()) + e.getValue().size();
        }
        return (int) Math.min(total, 1L << 30);
    }

    private void add(String name, Entry entry) {
        Objects.requireNonNull(name, "name");
        checkName(name);
        if (EntryNames.isDirectory(name)) {
            throw new IllegalArgumentException("job home file name '" + name + "' ends in '/'");
        }
        Entry previous = entries.get(name);
        if (previous != null) {
            throw new IllegalArgumentException("job home entry '" + name + "' is added twice"
                    + " (first from " + previous.source + ", then from " + entry.source + ")");
        }
        if (entries.containsKey(name + "/")) {
            throw new IllegalArgumentException("job home entry '" + name + "' is already a"
                    + " directory (from " + entries.get(name + "/").source + ")");
        }
        addParents(name, entry.source);
        entries.put(name, entry);
    }

    private void addDirectoryEntry(String name, String source) {
        checkName(name);
        String file = name.substring(0, name.length() - 1);
        if (entries.containsKey(file)) {
            throw new IllegalArgumentException("job home directory '" + name + "' (from "
                    + source + ") clashes with file '" + file + "' (from "
                    + entries.get(file).source + ")");
        }
        addParents(file, source);
        entries.putIfAbsent(name, new Entry(null, null, DIR_MODE, source));
    }

    private void addParents(String name, String source) {
        int slash = name.lastIndexOf('/');
        if (slash > 0) {
            addDirectoryEntry(name.substring(0, slash + 1), source);
        }
    }

    private static void checkName(String name) {
        EntryNames.problem(name).ifPresent(problem -> {
            throw new IllegalArgumentException("unsafe job home entry name '" + name + "': "
                    + problem);
        });
    }

    private static String relativeName(Path root, Path path) {
        List<String> parts = new ArrayList<>();
        for (Path part : root.relativize(path)) {
            parts.add(part.toString());
        }
        return String.join("/", parts);
    }

    /** One entry: bytes, or a file read at write time, or neither for a directory. */
    private static final class Entry {
        final byte[] data;
        final Path file;
        final int mode;
        final String source;

        Entry(byte[] data, Path file, int mode, String source) {
            this.data = data;
            this.file = file;
            this.mode = mode;
            this.source = source;
        }

        /** The content's size as far as it is known now (0 for an unreadable file: read fails later). */
        long size() {
            if (data != null) {
                return data.length;
            }
            if (file == null) {
                return 0;
            }
            try {
                return Files.size(file);
            } catch (IOException e) {
                return 0;
            }
        }

        byte[] read(String name) throws IOException {
            if (data != null) {
                return data;
            }
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new IOException("cannot read '" + file + "' for job home entry '" + name
                        + "': " + e, e);
            }
        }
    }
}
