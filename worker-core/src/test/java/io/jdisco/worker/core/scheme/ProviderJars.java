package io.jdisco.worker.core.scheme;

import io.jdisco.worker.spi.SchemeProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds provider jars at test time: compiles sources against worker-api, adds a services file. */
public final class ProviderJars {
    private ProviderJars() {
    }

    /**
     * Compiles {@code sources} (fully qualified class name → source) into a jar in {@code dir}
     * whose services file lists {@code serviceLines} verbatim.
     */
    public static Path jar(Path dir, String name, Map<String, String> sources, List<String> serviceLines)
            throws IOException {
        Path src = Files.createDirectories(dir.resolve(name + "-src"));
        Path classes = Files.createDirectories(dir.resolve(name + "-classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", apiClassPath(),
                "--release", "17", "-proc:none"));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            args.add(file.toString());
        }
        if (!sources.isEmpty()) {
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
            int rc = javac.run(null, null, diagnostics, args.toArray(new String[0]));
            if (rc != 0) {
                throw new IllegalStateException("javac failed (" + rc + ") " + diagnostics.toString(StandardCharsets.UTF_8));
            }
        }
        Path jar = dir.resolve(name + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(f));
                j.closeEntry();
            }
            j.putNextEntry(new JarEntry("META-INF/services/" + SchemeProvider.class.getName()));
            j.write((String.join("\n", serviceLines) + "\n").getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
        return jar;
    }

    /** A fresh class loader over {@code jars} whose parent sees worker-api. */
    public static URLClassLoader loader(Path... jars) throws IOException {
        URL[] urls = new URL[jars.length];
        for (int i = 0; i < jars.length; i++) {
            urls[i] = jars[i].toUri().toURL();
        }
        return new URLClassLoader(urls, SchemeProvider.class.getClassLoader());
    }

    /** Source of a direct provider class serving {@code scheme} that returns its URL's tail. */
    public static String echoProvider(String pkg, String simpleName, String scheme) {
        return "package " + pkg + ";\n"
                + "import io.jdisco.worker.io.InputLink;\n"
                + "import io.jdisco.worker.spi.*;\n"
                + "import java.io.ByteArrayInputStream;\n"
                + "import java.nio.charset.StandardCharsets;\n"
                + "import java.util.Set;\n"
                + "public final class " + simpleName + " implements SchemeProvider {\n"
                + "  public Set<String> schemes() { return Set.of(\"" + scheme + "\"); }\n"
                + "  public InputLink open(String url, SchemeContext c) {\n"
                + "    byte[] b = (\"" + simpleName + ":\" + url.substring(url.indexOf(\"://\") + 3))"
                + ".getBytes(StandardCharsets.UTF_8);\n"
                + "    return new InputLink(new ByteArrayInputStream(b), b.length, url);\n"
                + "  }\n"
                + "}\n";
    }

    private static String apiClassPath() {
        try {
            return Path.of(SchemeProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
