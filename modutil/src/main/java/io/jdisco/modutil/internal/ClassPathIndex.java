package io.jdisco.modutil.internal;

import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The last resort for finding a class: the entries of {@code java.class.path} and, transitively,
 * the {@code Class-Path} of each jar's manifest, searched in order. It serves class loaders that
 * expose neither resources nor code sources (JDK 17's application loader is not a
 * {@code URLClassLoader}, so we never rely on that).
 */
final class ClassPathIndex {
    private final Jars jars;
    private List<Path> entries;

    ClassPathIndex(Jars jars) {
        this.jars = jars;
    }

    /** The jar or directory that holds {@code resource}, or {@code null}. */
    Path find(String resource) {
        for (Path entry : entries()) {
            try {
                if (Files.isDirectory(entry)) {
                    if (Files.isRegularFile(entry.resolve(resource))) {
                        return entry;
                    }
                } else if (Files.isRegularFile(entry) && jars.contains(entry, resource)) {
                    return entry;
                }
            } catch (UncheckedIOException | InvalidPathException e) {
                // A broken class-path entry cannot hold the class; the JVM skips it too.
            }
        }
        return null;
    }

    private List<Path> entries() {
        if (entries == null) {
            Set<Path> seen = new LinkedHashSet<>();
            Deque<Path> queue = new ArrayDeque<>();
            for (String item : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                if (!item.isEmpty()) {
                    queue.add(Path.of(item).toAbsolutePath().normalize());
                }
            }
            while (!queue.isEmpty()) {
                Path entry = queue.poll();
                if (!seen.add(entry)) {
                    continue;
                }
                if (Files.isRegularFile(entry)) {
                    try {
                        queue.addAll(jars.manifestClassPath(entry));
                    } catch (UncheckedIOException e) {
                        // Not a jar: nothing more to follow.
                    }
                }
            }
            entries = new ArrayList<>(seen);
        }
        return entries;
    }
}
