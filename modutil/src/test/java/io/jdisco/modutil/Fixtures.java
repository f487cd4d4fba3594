package io.jdisco.modutil;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The fixture classes of {@code src/test/fixtures}, compiled once per test JVM with javax.tools
 * into a temporary directory that is not on the test class path, and loaded through their own
 * {@link URLClassLoader} (whose parent is the test loader, so worker-api is visible).
 */
public final class Fixtures {
    public static final Path SOURCES = Path.of("src/test/fixtures").toAbsolutePath();
    private static Fixtures instance;

    public final Path root;
    public final Path paddingJar;
    public final Path greeterJar;
    public final Path fnClasses;
    public final Path runnerClasses;
    public final URLClassLoader loader;

    private Fixtures(Path root) throws IOException {
        this.root = root;
        Path depClasses = compile(root.resolve("dep-classes"), List.of(), 17, SOURCES.resolve("dep"));
        paddingJar = jar(depClasses, root.resolve("jars/padding.jar"));
        Path libClasses = compile(root.resolve("lib-classes"), List.of(paddingJar), 17,
                SOURCES.resolve("lib"));
        greeterJar = jar(libClasses, root.resolve("jars/greeter.jar"));
        List<Path> fnPath = new ArrayList<>(List.of(greeterJar, paddingJar));
        fnPath.addAll(testClassPath());
        fnClasses = compile(root.resolve("fn-classes"), fnPath, 17, SOURCES.resolve("fn"));
        runnerClasses = compile(root.resolve("runner-classes"), List.of(), 17,
                SOURCES.resolve("runner"));
        loader = loaderOver(fnClasses, greeterJar, paddingJar, runnerClasses);
    }

    /** The shared fixtures, compiled on first use and deleted when the JVM exits. */
    public static synchronized Fixtures get() {
        if (instance == null) {
            try {
                Path root = Files.createTempDirectory("modutil-fixtures");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
                instance = new Fixtures(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** Calls static factory {@code method} of fixture class {@code className}. */
    Object call(String className, String method, Object... args) {
        try {
            for (Method m : loader.loadClass(className).getMethods()) {
                if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                    return m.invoke(null, args);
                }
            }
            throw new IllegalArgumentException("no method " + className + "." + method);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new instance of fixture class {@code className}. */
    Object newInstance(String className, Object... args) {
        try {
            Class<?> type = loader.loadClass(className);
            return type.getConstructors()[0].newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A loader like {@link #loader} over a copy of the function classes without one class. */
    URLClassLoader loaderWithout(String className) throws IOException {
        Path copy = Files.createTempDirectory(root, "fn-without");
        try (Stream<Path> files = Files.walk(fnClasses)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(fnClasses.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        Files.delete(copy.resolve(className.replace('.', '/') + ".class"));
        return loaderOver(copy, greeterJar, paddingJar);
    }

    static URLClassLoader loaderOver(Path... entries) {
        URL[] urls = Stream.of(entries).map(p -> {
            try {
                return p.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(URL[]::new);
        return new URLClassLoader(urls, Fixtures.class.getClassLoader());
    }

    /** Compiles every .java file under {@code sources} with {@code --release release}. */
    public static Path compile(Path out, List<Path> classPath, int release, Path sources)
            throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Files.createDirectories(out);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, null)) {
            List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-g",
                    "--release", Integer.toString(release), "-implicit:none", "-nowarn"));
            if (!classPath.isEmpty()) {
                options.add("-cp");
                options.add(classPath.stream().map(Path::toString)
                        .collect(Collectors.joining(File.pathSeparator)));
            }
            boolean ok = javac.getTask(null, fm, diagnostics, options, null,
                    fm.getJavaFileObjectsFromPaths(files)).call();
            if (!ok) {
                throw new IllegalStateException("fixture compilation failed: "
                        + diagnostics.getDiagnostics());
            }
        }
        return out;
    }

    /** Jars every file under {@code classes}. */
    static Path jar(Path classes, Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    /** The test class path (worker-api's classes, so fixtures may use the runtime). */
    static List<Path> testClassPath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isEmpty()).map(Path::of).toList();
    }

    static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: a temporary directory.
        }
    }
}
