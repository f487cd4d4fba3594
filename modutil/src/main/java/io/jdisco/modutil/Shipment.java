package io.jdisco.modutil;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Exactly what modutil puts into a job home, planned from {@code required_modules} and
 * {@code required_files}:
 *
 * <pre>
 *   classes/a/b/C.class      class files of CLASS_FILES modules (nested classes C$*.class too;
 *                            a package name ships the package's class files)
 *   lib/&lt;name&gt;.jar          each JAR module's jar, once, under a unique name
 *   &lt;required files&gt;        lib/&lt;basename&gt; for paths, &lt;name&gt; for name → content
 * </pre>
 *
 * The launcher ({@code bin/worker}, written by the worker) puts {@link #classPath()} (i.e.
 * {@code classes/} and {@code lib/*}) on the class path. Names only (system, runtime, named)
 * ship nothing. Immutable; files are read only when {@link #writeTo} runs.
 */
public final class Shipment {
    /** The directory of shipped class files inside the job home. */
    public static final String CLASSES = "classes/";
    /** The directory of shipped jars (and path-given required files) inside the job home. */
    public static final String LIB = "lib/";

    /** A jar to ship: the client file and its entry name. */
    public record ShippedJar(Path source, String entry) {
    }

    /** A class file to ship: the class's binary name, the client file and its entry name. */
    public record ShippedClass(String className, Path source, String entry) {
    }

    private final List<ShippedClass> classFiles;
    private final List<ShippedJar> jars;
    private final List<RequiredFiles.Entry> files;

    private Shipment(List<ShippedClass> classFiles, List<ShippedJar> jars,
            List<RequiredFiles.Entry> files) {
        this.classFiles = List.copyOf(classFiles);
        this.jars = List.copyOf(jars);
        this.files = List.copyOf(files);
    }

    /** The plan for {@code modules} and {@code files}, with no names reserved by the caller. */
    public static Shipment plan(RequiredModules modules, RequiredFiles files) {
        return plan(modules, files, Set.of());
    }

    /**
     * The plan for {@code modules} and {@code files}. {@code reserved} are entry names the
     * caller writes itself (e.g. {@code bin/worker} and the runtime jars in {@code lib/}): jars
     * are renamed around them, and a required file that takes one is an error.
     *
     * @throws IllegalArgumentException if a module's class files are missing, two sources
     *     would write the same entry, or a required file takes a reserved name
     */
    public static Shipment plan(RequiredModules modules, RequiredFiles files,
            Collection<String> reserved) {
        Objects.requireNonNull(modules, "modules");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(reserved, "reserved");
        Set<String> taken = new HashSet<>(reserved);
        for (RequiredFiles.Entry file : files.entries()) {
            if (!taken.add(file.name())) {
                throw new IllegalArgumentException("required file " + file
                        + " takes the job-home entry " + file.name() + ", which is reserved");
            }
        }
        Map<String, ShippedClass> classes = new LinkedHashMap<>();
        Map<Path, ShippedJar> jars = new LinkedHashMap<>();
        for (RequiredModule module : modules) {
            Path location = module.location().orElse(null);
            if (module.kind() == RequiredModule.Kind.JAR && !jars.containsKey(location)) {
                jars.put(location, new ShippedJar(location, uniqueJarName(location, taken)));
            } else if (module.kind() == RequiredModule.Kind.CLASS_FILES) {
                for (ShippedClass shipped : classFilesOf(module, location)) {
                    ShippedClass old = classes.putIfAbsent(shipped.entry(), shipped);
                    if (old != null && !old.source().equals(shipped.source())) {
                        throw new IllegalArgumentException("class " + shipped.className()
                                + " is found both in " + old.source() + " and "
                                + shipped.source());
                    }
                }
            }
        }
        for (String entry : classes.keySet()) {
            if (taken.contains(entry)) {
                throw new IllegalArgumentException("class file entry " + entry + " is reserved");
            }
        }
        return new Shipment(new ArrayList<>(classes.values()), new ArrayList<>(jars.values()),
                files.entries());
    }

    /** The class files to ship, in plan order. */
    public List<ShippedClass> classFiles() {
        return classFiles;
    }

    /** The jars to ship, each once, in plan order. */
    public List<ShippedJar> jars() {
        return jars;
    }

    /** The required files to ship. */
    public List<RequiredFiles.Entry> files() {
        return files;
    }

    /**
     * The class-path entries the launcher needs, relative to the job home: {@code classes/}
     * (if any class file is shipped), then each shipped jar, then each required file that is a
     * jar in {@code lib/}.
     */
    public List<String> classPath() {
        List<String> path = new ArrayList<>();
        if (!classFiles.isEmpty()) {
            path.add(CLASSES);
        }
        jars.forEach(jar -> path.add(jar.entry()));
        files.stream().map(RequiredFiles.Entry::name)
                .filter(n -> n.startsWith(LIB) && n.endsWith(".jar") && n.indexOf('/', 4) < 0)
                .forEach(path::add);
        return path;
    }

    /** Every entry name this plan writes. */
    public List<String> entryNames() {
        List<String> names = new ArrayList<>();
        classFiles.forEach(c -> names.add(c.entry()));
        jars.forEach(j -> names.add(j.entry()));
        files.forEach(f -> names.add(f.name()));
        return names;
    }

    /** Writes every planned entry to {@code sink}: class files, jars, then required files. */
    public void writeTo(JobHomeSink sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        for (ShippedClass shipped : classFiles) {
            copy(shipped.source(), shipped.entry(), sink);
        }
        for (ShippedJar jar : jars) {
            copy(jar.source(), jar.entry(), sink);
        }
        for (RequiredFiles.Entry file : files) {
            try (InputStream in = file.open()) {
                sink.entry(file.name(), in);
            }
        }
    }

    private static void copy(Path source, String entry, JobHomeSink sink) throws IOException {
        try (InputStream in = Files.newInputStream(source)) {
            sink.entry(entry, in);
        }
    }

    /** {@code lib/<stem>.jar}, or {@code lib/<stem>-2.jar} … when the name is taken. */
    private static String uniqueJarName(Path jar, Set<String> taken) {
        String file = jar.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String stem = dot > 0 ? file.substring(0, dot) : file;
        String name = LIB + stem + ".jar";
        for (int n = 2; !taken.add(name); n++) {
            name = LIB + stem + "-" + n + ".jar";
        }
        return RequiredFiles.checkEntryName(name);
    }

    /** A class and its nested classes, or every class of a package, under a root. */
    private static List<ShippedClass> classFilesOf(RequiredModule module, Path root) {
        String path = module.name().replace('.', '/');
        Path classFile = root.resolve(path + ".class");
        List<ShippedClass> out = new ArrayList<>();
        String nestedPrefix = classFile.getFileName().toString().replace(".class", "$");
        Path dir;
        if (Files.isRegularFile(classFile)) {
            out.add(shipped(root, classFile));
            dir = classFile.getParent();
        } else if (Files.isDirectory(root.resolve(path))) {
            dir = root.resolve(path);
            nestedPrefix = "";
        } else {
            throw new IllegalArgumentException("required module " + module
                    + ": neither " + classFile + " nor a package directory exists");
        }
        String prefix = nestedPrefix;
        try (Stream<Path> siblings = Files.list(dir)) {
            siblings.filter(p -> {
                String f = p.getFileName().toString();
                return f.startsWith(prefix) && f.endsWith(".class") && Files.isRegularFile(p);
            }).sorted().forEach(p -> out.add(shipped(root, p)));
        } catch (IOException e) {
            throw new IllegalArgumentException("required module " + module + ": cannot list "
                    + dir + ": " + e, e);
        }
        return out;
    }

    private static ShippedClass shipped(Path root, Path file) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        String className = relative.substring(0, relative.length() - ".class".length())
                .replace('/', '.');
        return new ShippedClass(className, file, CLASSES + relative);
    }
}
