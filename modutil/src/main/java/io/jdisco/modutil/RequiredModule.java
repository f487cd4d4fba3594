package io.jdisco.modutil;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code required_modules}: a class or package name, and where to ship it from.
 *
 * <p>The seed's two forms: a name alone (the node must have it: a JDK class, a class of the
 * jdisco runtime the job home always carries, or something installed on the nodes) or a name
 * with a location (the job home carries it: a jar file, shipped whole, or a class-directory root
 * from which the class's files are shipped). Immutable; serializable so that a job can keep its
 * list among its parameters.
 */
public final class RequiredModule implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What kind of requirement this is, which decides whether and how it is shipped. */
    public enum Kind {
        /** A JDK class: every node has it. Never shipped. */
        SYSTEM,
        /** A class of the jdisco runtime (or of a location declared installed). Never shipped. */
        RUNTIME,
        /** A name given without a location: assumed installed on the nodes. Never shipped. */
        NAMED,
        /** Ship the whole jar at {@link #location()} (once, however many classes need it). */
        JAR,
        /** Ship the class files of this class (nested classes too) or package from a root. */
        CLASS_FILES
    }

    private final String name;
    private final Kind kind;
    private final String location;

    private RequiredModule(String name, Kind kind, Path location) {
        this.name = checkName(name);
        this.kind = kind;
        this.location = location == null ? null : location.toAbsolutePath().normalize().toString();
    }

    /** A name only, assumed installed on the nodes (the seed's {@code "PIL.Image"} form). */
    public static RequiredModule named(String name) {
        return new RequiredModule(name, Kind.NAMED, null);
    }

    /** A JDK class. */
    public static RequiredModule system(String name) {
        return new RequiredModule(name, Kind.SYSTEM, null);
    }

    /** A class of the runtime the job home always carries. */
    public static RequiredModule runtime(String name) {
        return new RequiredModule(name, Kind.RUNTIME, null);
    }

    /** Class {@code name} lives in {@code jar}, which is shipped whole. */
    public static RequiredModule jar(String name, Path jar) {
        return new RequiredModule(name, Kind.JAR, Objects.requireNonNull(jar, "jar"));
    }

    /** Class or package {@code name} lives under the class-directory {@code root}. */
    public static RequiredModule classFiles(String name, Path root) {
        return new RequiredModule(name, Kind.CLASS_FILES, Objects.requireNonNull(root, "root"));
    }

    /**
     * The seed's {@code (name, path)} pair: {@code path} is a jar (or zip) file, a
     * class-directory root, or the class file of {@code name} itself (whose root is then derived
     * by removing {@code a/b/C.class}).
     *
     * @throws IllegalArgumentException if the path does not exist or does not fit the name
     */
    public static RequiredModule of(String name, Path path) {
        Objects.requireNonNull(path, "path");
        checkName(name);
        if (Files.isDirectory(path)) {
            return classFiles(name, path);
        }
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("required module " + name + ": no such file "
                    + path);
        }
        String file = path.getFileName().toString();
        if (file.endsWith(".class")) {
            Path absolute = path.toAbsolutePath().normalize();
            String resource = name.replace('.', '/') + ".class";
            if (!absolute.toString().replace('\\', '/').endsWith("/" + resource)) {
                throw new IllegalArgumentException("required module " + name + ": class file "
                        + path + " does not end with " + resource);
            }
            Path root = absolute;
            for (int i = resource.split("/").length; i > 0; i--) {
                root = root.getParent();
            }
            return classFiles(name, root);
        }
        return jar(name, path);
    }

    /** The class or package name (binary form: {@code a.b.Outer$Inner}). */
    public String name() {
        return name;
    }

    /** The kind of requirement. */
    public Kind kind() {
        return kind;
    }

    /** The jar file or class-directory root to ship from, for {@link Kind#JAR} and
     * {@link Kind#CLASS_FILES}. */
    public Optional<Path> location() {
        return Optional.ofNullable(location).map(Path::of);
    }

    /** Whether the job home must carry this module (it has a location). */
    public boolean isSent() {
        return location != null;
    }

    /**
     * A binary class or package name as JVMS §4.2.1 allows it (other JVM languages use names
     * that are not Java identifiers): non-empty parts separated by dots, without {@code / ; [ < >}
     * or whitespace.
     */
    private static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        boolean bad = name.isEmpty() || name.startsWith(".") || name.endsWith(".")
                || name.contains("..")
                || name.chars().anyMatch(c -> "/;[<>".indexOf(c) >= 0 || Character.isWhitespace(c));
        if (bad) {
            throw new IllegalArgumentException("not a class or package name: '" + name + "'");
        }
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequiredModule other && name.equals(other.name)
                && kind == other.kind && Objects.equals(location, other.location);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, location);
    }

    /** {@code name} for a name only, {@code (name, path)} for a shipped one, as in the seed. */
    @Override
    public String toString() {
        return location == null ? name : "(" + name + ", " + location + ")";
    }
}
