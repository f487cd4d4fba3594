package io.jdisco.modutil;

import io.jdisco.worker.Bytes;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A job's {@code required_files}: extra files the job home carries, as in the seed. A file given
 * by path is stored as {@code lib/<basename>} (so a jar there is on the class path too); a file
 * given as {@code name → content} is stored at {@code name}, relative to the job home. Entry
 * names must be unique, relative, without {@code ..} and outside {@code .disco/} (the master's).
 * Immutable.
 */
public final class RequiredFiles {
    private static final RequiredFiles EMPTY = new RequiredFiles(List.of());

    private final List<Entry> entries;

    private RequiredFiles(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** One file of the job home: its entry name and where its bytes come from. */
    public static final class Entry {
        private final String name;
        private final Path source;
        private final byte[] content;

        private Entry(String name, Path source, byte[] content) {
            this.name = checkEntryName(name);
            this.source = source;
            this.content = content;
        }

        /** The entry name in the job home ({@code lib/helper.jar}, {@code conf/x.json}). */
        public String name() {
            return name;
        }

        /** The client file it is copied from, if it was given by path. */
        public Optional<Path> source() {
            return Optional.ofNullable(source);
        }

        /** Opens the bytes of the file. */
        public InputStream open() throws IOException {
            return source != null ? Files.newInputStream(source)
                    : new ByteArrayInputStream(content);
        }

        @Override
        public String toString() {
            return name + (source != null ? " <- " + source : " (" + content.length + " bytes)");
        }
    }

    /** No files. */
    public static RequiredFiles empty() {
        return EMPTY;
    }

    /**
     * Files given by path, each stored as {@code lib/<basename>}.
     *
     * @throws IllegalArgumentException if a path is not a regular file or two share a basename
     */
    public static RequiredFiles ofPaths(List<Path> paths) {
        Objects.requireNonNull(paths, "paths");
        List<Entry> entries = new ArrayList<>();
        for (Path path : paths) {
            Objects.requireNonNull(path, "path");
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("required file " + path
                        + " is not a regular file");
            }
            Path absolute = path.toAbsolutePath().normalize();
            entries.add(new Entry("lib/" + absolute.getFileName(), absolute, null));
        }
        return new RequiredFiles(unique(entries));
    }

    /** Files given as {@code name → content}, each stored at {@code name}; content is copied. */
    public static RequiredFiles ofContents(Map<String, byte[]> contents) {
        Objects.requireNonNull(contents, "contents");
        List<Entry> entries = new ArrayList<>();
        contents.forEach((name, bytes) -> entries.add(new Entry(name, null,
                Objects.requireNonNull(bytes, "content of " + name).clone())));
        return new RequiredFiles(unique(entries));
    }

    /**
     * The seed's forms: a collection of paths ({@link Path}, {@link File} or string), or a map of
     * name to content ({@code byte[]}, {@link Bytes} or string, which is stored as UTF-8).
     *
     * @throws IllegalArgumentException naming the offending item for any other form
     */
    public static RequiredFiles from(Object spec) {
        Objects.requireNonNull(spec, "required_files");
        if (spec instanceof Map<?, ?> map) {
            Map<String, byte[]> contents = new LinkedHashMap<>();
            map.forEach((name, value) -> contents.put(String.valueOf(name), content(name, value)));
            return ofContents(contents);
        }
        if (spec instanceof Iterable<?> items) {
            List<Path> paths = new ArrayList<>();
            for (Object item : items) {
                if (item instanceof Path p) {
                    paths.add(p);
                } else if (item instanceof File f) {
                    paths.add(f.toPath());
                } else if (item instanceof CharSequence s) {
                    paths.add(Path.of(s.toString()));
                } else {
                    throw new IllegalArgumentException("required_files item " + item
                            + " is not a path");
                }
            }
            return ofPaths(paths);
        }
        throw new IllegalArgumentException("required_files must be a list of paths or a map of"
                + " name to content, not " + spec.getClass().getName());
    }

    /** These files followed by {@code other}'s. */
    public RequiredFiles plus(RequiredFiles other) {
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(other.entries);
        return new RequiredFiles(unique(all));
    }

    /** The files, in order. */
    public List<Entry> entries() {
        return entries;
    }

    private static byte[] content(Object name, Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof Bytes bytes) {
            return bytes.toByteArray();
        }
        if (value instanceof CharSequence text) {
            return text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException("required_files content of " + name + " has type "
                + (value == null ? "null" : value.getClass().getName())
                + "; expected byte[], Bytes or String");
    }

    private static List<Entry> unique(List<Entry> entries) {
        Map<String, Entry> byName = new LinkedHashMap<>();
        for (Entry entry : entries) {
            Entry old = byName.putIfAbsent(entry.name(), entry);
            if (old != null) {
                throw new IllegalArgumentException("two required files would be stored as "
                        + entry.name() + ": " + old + " and " + entry);
            }
        }
        return new ArrayList<>(byName.values());
    }

    /** Checks a job-home entry name; also used for the entries modutil plans itself. */
    static String checkEntryName(String name) {
        Objects.requireNonNull(name, "name");
        List<String> parts = Arrays.asList(name.split("/", -1));
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\")
                || parts.contains("..") || parts.contains(".") || parts.contains("")
                || parts.get(0).equals(".disco")) {
            throw new IllegalArgumentException("bad job-home entry name '" + name
                    + "': must be a relative path without '.', '..' or empty parts, outside"
                    + " .disco/");
        }
        return name;
    }
}
