package io.jdisco.modutil.internal;

import io.jdisco.modutil.ModUtilException;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds where a class's bytes live on the client, without assuming a {@code URLClassLoader}:
 *
 * <ol>
 *   <li>{@code java.*} and any class the loaders serve from {@code jrt:} are {@link
 *       ClassOrigin#SYSTEM};
 *   <li>the loader's resource for {@code a/b/C.class}: a {@code jar:file:…!/a/b/C.class} URL
 *       names a jar, a {@code file:…/a/b/C.class} URL a class-directory root;
 *   <li>else the class's code source (loaded without initialisation);
 *   <li>else {@code java.class.path} and the manifests' {@code Class-Path}.
 * </ol>
 *
 * Opens jars lazily and keeps them open until {@link #close()}.
 */
public final class ClassLocator implements Closeable {
    private final Jars jars = new Jars();
    private final ClassPathIndex classPath = new ClassPathIndex(jars);

    /**
     * Locates {@code name} as seen by {@code loader} ({@code null} = the system loader);
     * {@code null} if the class cannot be found.
     *
     * @throws ModUtilException if the class exists but not in a local jar or directory
     */
    public LocatedClass locate(String name, ClassLoader loader) {
        ClassLoader view = loader != null ? loader : ClassLoader.getSystemClassLoader();
        String resource = LocatedClass.resourceName(name);
        if (name.startsWith("java.") || isJrt(ClassLoader.getPlatformClassLoader(), resource)) {
            return new LocatedClass(name, ClassOrigin.SYSTEM, null, view);
        }
        URL url = view.getResource(resource);
        LocatedClass found = url == null ? null : fromUrl(name, url, view);
        if (found == null) {
            found = fromCodeSource(name, view);
        }
        if (found == null) {
            Path entry = classPath.find(resource);
            if (entry != null) {
                found = new LocatedClass(name,
                        Files.isDirectory(entry) ? ClassOrigin.DIRECTORY : ClassOrigin.JAR,
                        entry, view);
            }
        }
        if (found == null && url != null) {
            throw new ModUtilException("Class " + name + " comes from " + url
                    + ", which is not a local jar or class directory; it cannot be shipped", null);
        }
        return found;
    }

    /** The class file of a located (non-system) class. */
    public byte[] read(LocatedClass located) {
        String resource = located.resourceName();
        byte[] bytes;
        if (located.origin() == ClassOrigin.JAR) {
            bytes = jars.read(located.location(), resource);
        } else {
            try {
                bytes = Files.readAllBytes(located.location().resolve(resource));
            } catch (IOException e) {
                throw new ModUtilException("Cannot read class file " + located.describe(), e);
            }
        }
        if (bytes == null) {
            throw new ModUtilException("Class file vanished: " + located.describe(), null);
        }
        return bytes;
    }

    /**
     * The classes nested in a class-directory class, found as {@code Outer$*.class} files next
     * to it (anonymous and local classes included), sorted by name.
     */
    public List<String> nestedClasses(LocatedClass located) {
        List<String> nested = new ArrayList<>();
        if (located.origin() != ClassOrigin.DIRECTORY) {
            return nested;
        }
        Path file = located.location().resolve(located.resourceName());
        String prefix = file.getFileName().toString().replace(".class", "$");
        String packagePrefix = located.name().substring(0, located.name().lastIndexOf('.') + 1);
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            siblings.map(p -> p.getFileName().toString())
                    .filter(f -> f.startsWith(prefix) && f.endsWith(".class"))
                    .sorted()
                    .forEach(f -> nested.add(packagePrefix + f.substring(0, f.length() - 6)));
        } catch (IOException e) {
            throw new ModUtilException("Cannot list " + file.getParent(), e);
        }
        return nested;
    }

    private static boolean isJrt(ClassLoader loader, String resource) {
        URL url = loader.getResource(resource);
        return url != null && "jrt".equals(url.getProtocol());
    }

    private LocatedClass fromUrl(String name, URL url, ClassLoader loader) {
        String resource = LocatedClass.resourceName(name);
        switch (url.getProtocol()) {
            case "jrt":
                return new LocatedClass(name, ClassOrigin.SYSTEM, null, loader);
            case "jar": {
                // jar:file:/x/y.jar!/a/b/C.class (or …!/META-INF/versions/11/a/b/C.class)
                String spec = url.toString().substring("jar:".length());
                int bang = spec.indexOf("!/");
                if (bang < 0 || !spec.endsWith(resource) || spec.indexOf("!/", bang + 2) >= 0) {
                    return null;
                }
                Path jar = toPath(spec.substring(0, bang));
                return jar != null && Files.isRegularFile(jar)
                        ? new LocatedClass(name, ClassOrigin.JAR, jar, loader) : null;
            }
            case "file": {
                // file:/root/a/b/C.class: the root is the file minus the resource's segments
                Path file = toPath(url.toString());
                Path root = file;
                for (int i = resource.split("/").length; i > 0 && root != null; i--) {
                    root = root.getParent();
                }
                return root != null && root.resolve(resource).equals(file)
                        ? new LocatedClass(name, ClassOrigin.DIRECTORY, root, loader) : null;
            }
            default:
                return null;
        }
    }

    private LocatedClass fromCodeSource(String name, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        ClassLoader defining = type.getClassLoader();
        if (defining == null || defining == ClassLoader.getPlatformClassLoader()) {
            return new LocatedClass(name, ClassOrigin.SYSTEM, null, loader);
        }
        CodeSource source = type.getProtectionDomain().getCodeSource();
        Path location = source == null || source.getLocation() == null ? null
                : toPath(source.getLocation().toString());
        String resource = LocatedClass.resourceName(name);
        if (location != null && Files.isDirectory(location)
                && Files.isRegularFile(location.resolve(resource))) {
            return new LocatedClass(name, ClassOrigin.DIRECTORY, location, defining);
        }
        if (location != null && Files.isRegularFile(location)) {
            jars.check(location);
            if (jars.contains(location, resource)) {
                return new LocatedClass(name, ClassOrigin.JAR, location, defining);
            }
        }
        return null;
    }

    private static Path toPath(String fileUrl) {
        try {
            URI uri = new URI(fileUrl);
            return "file".equals(uri.getScheme()) ? Path.of(uri).toAbsolutePath().normalize()
                    : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void close() {
        jars.close();
    }
}
