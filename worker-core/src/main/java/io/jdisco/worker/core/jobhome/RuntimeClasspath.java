package io.jdisco.worker.core.jobhome;

import io.jdisco.worker.core.jobhome.internal.DirectoryJar;
import io.jdisco.worker.spi.SchemeProvider;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The jdisco runtime a job home must carry so that {@code bin/worker} runs on a node where only a
 * JDK is installed: the jars (or class directories) of worker-api, worker-core, task-io, modutil,
 * the worker's own jdisco classes, every scheme provider the client sees, and their libraries
 * (jackson-core, Commons Compress and its helpers, SLF4J API), plus the libraries the worker's
 * classes name with {@link RuntimeLibraries}.
 *
 * <p>Found from the code sources of anchor classes, as the client's class loader sees them, so it
 * works the same from a Maven build (class directories, which are packed into jars), from a
 * class path of jars, and from one shaded jar (shipped once).
 */
public final class RuntimeClasspath {
    /** Classes whose code source is part of the runtime whenever they can be loaded. */
    static final List<String> ANCHORS = List.of(
            "io.jdisco.worker.Task",
            "io.jdisco.worker.core.Worker",
            "io.jdisco.taskio.TaskIo",
            "io.jdisco.modutil.ModUtil",
            "com.fasterxml.jackson.core.JsonFactory",
            "org.apache.commons.compress.compressors.CompressorStreamFactory",
            "org.apache.commons.io.IOUtils",
            "org.apache.commons.lang3.StringUtils",
            "org.apache.commons.codec.binary.Hex",
            "org.slf4j.LoggerFactory");

    private final Set<Path> locations;

    private RuntimeClasspath(Set<Path> locations) {
        this.locations = locations;
    }

    /**
     * The runtime of a job whose worker is {@code workerClass}, found through {@code loader}.
     *
     * @throws IllegalStateException if a runtime class has no usable code source (e.g. it comes
     *     from a nested jar), naming the class
     */
    public static RuntimeClasspath of(Class<?> workerClass, ClassLoader loader) {
        Objects.requireNonNull(workerClass, "workerClass");
        Objects.requireNonNull(loader, "loader");
        Set<Path> found = new LinkedHashSet<>();
        List<String> anchors = new ArrayList<>(ANCHORS);
        for (Class<?> c = workerClass; c != null && c != Object.class; c = c.getSuperclass()) {
            RuntimeLibraries libraries = c.getDeclaredAnnotation(RuntimeLibraries.class);
            if (libraries != null) {
                anchors.addAll(List.of(libraries.value()));
            }
        }
        for (String name : anchors) {
            try {
                found.add(locationOf(Class.forName(name, false, loader)));
            } catch (ClassNotFoundException absent) {
                // optional parts of the runtime: what the client does not have, the job cannot use
            }
        }
        for (Class<?> c = workerClass; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.getName().startsWith("io.jdisco.")) {
                found.add(locationOf(c));
            }
        }
        for (ServiceLoader.Provider<SchemeProvider> p : ServiceLoader.load(SchemeProvider.class, loader).stream()
                .toList()) {
            found.add(locationOf(p.type()));
        }
        return new RuntimeClasspath(found);
    }

    /** A runtime of exactly {@code locations} (for tests of what is done with them). */
    static RuntimeClasspath ofLocations(Set<Path> locations) {
        return new RuntimeClasspath(new LinkedHashSet<>(locations));
    }

    /** Where {@code c} was loaded from: a jar file or a class directory. */
    static Path locationOf(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        URL url = source == null ? null : source.getLocation();
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("cannot ship the jdisco runtime: " + c.getName()
                    + " was not loaded from a jar or class directory (" + url + ")");
        }
        try {
            return Path.of(url.toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot ship the jdisco runtime: bad location " + url
                    + " of " + c.getName(), e);
        }
    }

    /** The jars and class directories of the runtime, in discovery order. */
    public Set<Path> locations() {
        return Set.copyOf(locations);
    }

    /**
     * The runtime as an absolute class path for a launcher on this machine ({@code /a.jar:/b.jar}),
     * or empty when a location is a class directory or has a character outside
     * {@code [A-Za-z0-9._/+-]} (the launcher writes the class path into a shell script unquoted
     * by anything but single quotes, and {@code :} and {@code *} mean something there).
     */
    public Optional<String> localClassPath() {
        List<String> paths = new ArrayList<>();
        for (Path location : locations) {
            String path = location.toString();
            if (!Files.isRegularFile(location) || !WorkerLauncher.PATH.matcher(path).matches()) {
                return Optional.empty();
            }
            paths.add(path);
        }
        return Optional.of(String.join(":", paths));
    }

    /**
     * Adds the runtime to {@code home} as {@code lib/<name>.jar} entries (class directories are
     * packed into jars) and returns the entry names used.
     */
    public List<String> addTo(JobHomeWriter home) throws IOException {
        Objects.requireNonNull(home, "home");
        Map<String, Path> byEntry = new LinkedHashMap<>();
        for (Path location : locations) {
            String entry = uniqueEntry(jarName(location), byEntry);
            byEntry.put(entry, location);
        }
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Path> e : byEntry.entrySet()) {
            Path location = e.getValue();
            if (Files.isDirectory(location)) {
                home.addBytes(e.getKey(), DirectoryJar.pack(location));
            } else {
                home.addFile(e.getKey(), location);
            }
            names.add(e.getKey());
        }
        return names;
    }

    /** {@code worker-core-0.1.jar} stays; {@code .../worker-core/target/classes} becomes {@code worker-core-classes.jar}. */
    private static String jarName(Path location) {
        String file = location.getFileName().toString();
        if (!Files.isDirectory(location)) {
            return file.endsWith(".jar") ? file : file + ".jar";
        }
        Path target = location.getParent();
        Path module = target == null ? null : target.getParent();
        String base = module != null && target.getFileName().toString().equals("target")
                ? module.getFileName() + "-" + file : file;
        return base.replaceAll("[^A-Za-z0-9._-]", "_") + ".jar";
    }

    private static String uniqueEntry(String jar, Map<String, Path> taken) {
        String stem = jar.substring(0, jar.length() - ".jar".length());
        String name = "lib/" + jar;
        for (int n = 2; taken.containsKey(name); n++) {
            name = "lib/" + stem + "-" + n + ".jar";
        }
        return name;
    }

    @Override
    public String toString() {
        return "RuntimeClasspath" + locations;
    }
}
