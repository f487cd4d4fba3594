package io.jdisco.cli;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Plugins of the command line: jars of scheme providers (or of any service jdisco finds with
 * {@link java.util.ServiceLoader}) that {@code java -jar} cannot take, since it ignores
 * {@code -cp} and {@code CLASSPATH}. They come from {@code --classpath PATH} (anywhere before
 * {@code --}), from {@value #VARIABLE}, and from the jars in a {@code plugins/} folder beside the
 * command line's jar; a PATH is a list of jars, class folders and {@code folder/*} (its jars),
 * separated by {@code :}.
 *
 * <p>With plugins, {@link Main} runs the command in a class loader over its own class path and
 * the plugins, so that every jdisco class — the scheme registry, the job's worker, the embedded
 * master — sees them as if they were on the class path. That is also how the jobs ship them: the
 * job home carries (or, on the embedded master, names) the jar of every scheme provider the
 * worker's class loader finds, as for a Java program with the jar on its class path.
 */
final class Plugins {
    /** The environment variable of plugin class path entries. */
    static final String VARIABLE = "JDISCO_CLASSPATH";
    /** The option naming plugin class path entries. */
    static final String OPTION = "--classpath";
    /** The folder beside the jar whose jars are plugins. */
    static final String FOLDER = "plugins";
    private static final String LOADER_NAME = "jdisco-plugins";

    /**
     * The command line's arguments without the {@code --classpath} option, and the plugin class
     * path entries found.
     */
    record Found(String[] args, List<Path> entries) {
    }

    private Plugins() {
    }

    /**
     * The plugins of a command line {@code args}: its {@code --classpath} values, then
     * {@code variable} (the environment's {@value #VARIABLE}), then the jars of {@code folder}.
     *
     * @param folder the {@code plugins/} folder beside the jar, or {@code null}
     * @throws UsageException when an entry does not exist or the option has no value
     */
    static Found find(String[] args, String variable, Path folder) throws IOException {
        Objects.requireNonNull(args, "args");
        List<String> rest = new ArrayList<>();
        List<Path> entries = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!optionsEnded && a.equals("--")) {
                optionsEnded = true;
            }
            if (optionsEnded || !(a.equals(OPTION) || a.startsWith(OPTION + "="))) {
                rest.add(a);
            } else if (a.startsWith(OPTION + "=")) {
                entries.addAll(entries(a.substring(OPTION.length() + 1), OPTION));
            } else if (i + 1 < args.length) {
                entries.addAll(entries(args[++i], OPTION));
            } else {
                throw new UsageException("option " + OPTION + " needs a value");
            }
        }
        if (variable != null && !variable.isBlank()) {
            entries.addAll(entries(variable, "$" + VARIABLE));
        }
        if (folder != null && Files.isDirectory(folder)) {
            entries.addAll(jarsIn(folder));
        }
        return new Found(rest.toArray(new String[0]), List.copyOf(entries));
    }

    /** The {@code plugins/} folder beside the jar {@code Main} was loaded from, or {@code null} when not from a jar. */
    static Path folderBesideJar() {
        CodeSource source = Main.class.getProtectionDomain().getCodeSource();
        try {
            Path location = source == null ? null : Path.of(source.getLocation().toURI());
            return location != null && Files.isRegularFile(location) ? location.resolveSibling(FOLDER) : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** True when this class was loaded by the plugins' class loader: the command runs with them. */
    static boolean active() {
        return LOADER_NAME.equals(Plugins.class.getClassLoader().getName());
    }

    /**
     * Runs the command line {@code args} in a class loader over this JVM's class path and
     * {@code entries}, the thread's context loader meanwhile, and returns its exit status.
     */
    static int runWith(List<Path> entries, String[] args) throws IOException {
        List<URL> urls = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                urls.add(url(Path.of(e)));
            }
        }
        for (Path p : entries) {
            urls.add(url(p));
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        URLClassLoader loader = new URLClassLoader(LOADER_NAME, urls.toArray(new URL[0]),
                ClassLoader.getPlatformClassLoader());
        thread.setContextClassLoader(loader);
        try {
            Object status = loader.loadClass(Main.class.getName()).getMethod("runAndFlush", String[].class)
                    .invoke(null, (Object) args);
            return (Integer) status;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start the command line with plugins: " + e, e);
        } finally {
            thread.setContextClassLoader(previous); // the loader stays open: daemon threads may use it until exit
        }
    }

    private static List<Path> entries(String path, String source) throws IOException {
        List<Path> entries = new ArrayList<>();
        for (String e : path.split(File.pathSeparator)) {
            if (e.isEmpty()) {
                continue;
            }
            if (e.endsWith("/*") || e.equals("*")) {
                Path dir = Path.of(e.substring(0, e.length() - 1)).toAbsolutePath().normalize();
                if (!Files.isDirectory(dir)) {
                    throw new UsageException(source + " names folder '" + e + "', which does not exist (" + dir + ")");
                }
                entries.addAll(jarsIn(dir));
            } else {
                Path p = Path.of(e).toAbsolutePath().normalize();
                if (!Files.exists(p)) {
                    throw new UsageException(source + " names '" + e + "', which does not exist (" + p + ")");
                }
                entries.add(p);
            }
        }
        return entries;
    }

    /** The {@code .jar} files of {@code dir}, by name. */
    private static List<Path> jarsIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                    .map(f -> f.toAbsolutePath().normalize()).sorted().toList();
        }
    }

    private static URL url(Path p) {
        try {
            return p.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a class path entry: " + p, e);
        }
    }
}
