package io.jdisco.modutil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * Decides which classes belong to the jdisco runtime: the standard library every job home
 * carries anyway (like the {@code disco} package in a Python job home), or what the caller
 * declares installed on the nodes. Such classes are reported by name only and never shipped
 * by modutil.
 *
 * <p>The standard rule: a class is runtime if it is in one of the runtime packages
 * ({@code io.jdisco.worker}, {@code io.jdisco.taskio}, {@code io.jdisco.modutil},
 * {@code io.jdisco.schemes} and their subpackages), or if it comes from the same jar or class
 * directory as a class of those packages (so the runtime's own third-party dependencies
 * shaded into a runtime jar count too), or from a location the caller declared.
 * Immutable and thread-safe.
 */
public final class RuntimeClasses {
    /** The packages of the jdisco runtime. */
    public static final List<String> STANDARD_PACKAGES = List.of(
            "io.jdisco.worker", "io.jdisco.taskio", "io.jdisco.modutil", "io.jdisco.schemes");

    private final List<String> packages;
    private final Set<Path> locations;
    private final BiPredicate<String, Path> custom;
    private final Map<Path, Boolean> holdsRuntime = new ConcurrentHashMap<>();

    private RuntimeClasses(List<String> packages, Set<Path> locations,
            BiPredicate<String, Path> custom) {
        this.packages = List.copyOf(packages);
        this.locations = Set.copyOf(locations);
        this.custom = custom;
    }

    /** The standard rule with no declared locations. */
    public static RuntimeClasses standard() {
        return new RuntimeClasses(STANDARD_PACKAGES, Set.of(), null);
    }

    /** Nothing is runtime: every non-JDK class is shipped (for tools and tests). */
    public static RuntimeClasses none() {
        return new RuntimeClasses(List.of(), Set.of(), null);
    }

    /**
     * A rule of the caller's own: {@code predicate} gets a class's binary name and its jar or
     * class-directory root.
     */
    public static RuntimeClasses matching(BiPredicate<String, Path> predicate) {
        return new RuntimeClasses(List.of(), Set.of(),
                Objects.requireNonNull(predicate, "predicate"));
    }

    /**
     * This rule plus {@code installed}: jars or class directories whose classes the job home or
     * the nodes always have (e.g. a library installed on every node).
     */
    public RuntimeClasses withLocations(Collection<Path> installed) {
        Objects.requireNonNull(installed, "installed");
        Set<Path> all = new java.util.HashSet<>(locations);
        installed.forEach(p -> all.add(normalise(Objects.requireNonNull(p, "location"))));
        return new RuntimeClasses(packages, all, custom);
    }

    /**
     * Whether class {@code className}, found in {@code location} (a jar file or class-directory
     * root), is part of the runtime.
     */
    public boolean isRuntime(String className, Path location) {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(location, "location");
        if (custom != null && custom.test(className, location)) {
            return true;
        }
        if (inPackages(className)) {
            return true;
        }
        Path where = normalise(location);
        return locations.contains(where)
                || (!packages.isEmpty() && holdsRuntime.computeIfAbsent(where, this::holdsRuntime));
    }

    private boolean inPackages(String className) {
        for (String pkg : packages) {
            if (className.startsWith(pkg + ".")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a jar or class directory holds a class of a runtime package. */
    private boolean holdsRuntime(Path location) {
        List<String> dirs = packages.stream().map(p -> p.replace('.', '/') + "/")
                .collect(Collectors.toList());
        if (Files.isDirectory(location)) {
            return dirs.stream().anyMatch(d -> Files.isDirectory(location.resolve(d)));
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            return jar.stream().anyMatch(e -> e.getName().endsWith(".class")
                    && dirs.stream().anyMatch(d -> e.getName().startsWith(d)));
        } catch (IOException e) {
            return false;
        }
    }

    private static Path normalise(Path path) {
        return path.toAbsolutePath().normalize();
    }

    @Override
    public String toString() {
        return "RuntimeClasses[packages=" + packages + ", locations=" + locations
                + (custom != null ? ", custom=" + custom : "") + "]";
    }
}
