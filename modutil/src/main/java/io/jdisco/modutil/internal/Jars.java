package io.jdisco.modutil.internal;

import io.jdisco.modutil.ModUtilException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipFile;

/**
 * The jar files one analysis opens, each opened once (multi-release aware, as the running JDK
 * would read it) and closed together at the end.
 */
final class Jars implements Closeable {
    private final Map<Path, JarFile> open = new HashMap<>();

    /** Whether {@code jar} holds {@code entry}. */
    boolean contains(Path jar, String entry) {
        return jar(jar).getJarEntry(entry) != null;
    }

    /** The bytes of {@code entry} in {@code jar}, or {@code null} if it has no such entry. */
    byte[] read(Path jar, String entry) {
        JarFile file = jar(jar);
        JarEntry found = file.getJarEntry(entry);
        if (found == null) {
            return null;
        }
        try (InputStream in = file.getInputStream(found)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ModUtilException("Cannot read " + entry + " from jar " + jar, e);
        }
    }

    /** The names of all entries of {@code jar}. */
    List<String> entryNames(Path jar) {
        List<String> names = new ArrayList<>();
        jar(jar).stream().forEach(e -> names.add(e.getName()));
        return names;
    }

    /** The jar's manifest {@code Class-Path}, resolved against the jar's directory. */
    List<Path> manifestClassPath(Path jar) {
        List<Path> paths = new ArrayList<>();
        try {
            Manifest manifest = jar(jar).getManifest();
            String value = manifest == null ? null
                    : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (value == null) {
                return paths;
            }
            Path base = jar.toAbsolutePath().getParent();
            for (String item : value.trim().split("\\s+")) {
                URI resolved = base.toUri().resolve(item);
                if ("file".equals(resolved.getScheme())) {
                    paths.add(Path.of(resolved));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // An unreadable manifest only hides a fallback location; the lookup goes on.
        }
        return paths;
    }

    private JarFile jar(Path jar) {
        return open.computeIfAbsent(jar, p -> {
            try {
                return new JarFile(p.toFile(), true, ZipFile.OPEN_READ, Runtime.version());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Opens {@code jar} now, reporting a clear error if it is not a readable jar. */
    void check(Path jar) {
        try {
            jar(jar);
        } catch (UncheckedIOException e) {
            throw new ModUtilException("Cannot open jar " + jar + ": " + e.getCause(), e);
        }
    }

    @Override
    public void close() {
        for (JarFile file : open.values()) {
            try {
                file.close();
            } catch (IOException e) {
                // Read-only files: nothing is lost if closing fails.
            }
        }
        open.clear();
    }
}
