package io.jdisco.worker.core.scheme.internal;

import io.jdisco.worker.spi.SchemeProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds {@link SchemeProvider}s with {@link ServiceLoader} in the given class loaders, isolating
 * broken ones: a provider whose loading throws {@link ServiceConfigurationError} is logged with
 * the jar that declared it and skipped, and the others still load.
 */
public final class ProviderLoader {
    /** Where a jar declares its providers, one class name a line. */
    public static final String SERVICE_FILE = "META-INF/services/" + SchemeProvider.class.getName();


    /** A loader that walks into an endless stream of errors is abandoned after this many. */
    private static final int MAX_ERRORS_PER_LOADER = 1000;

    private ProviderLoader() {
    }

    /**
     * The providers visible to {@code loaders}, one instance per class name (the first loader
     * that yields a class wins), sorted by class name so that the result does not depend on the
     * order of the class path.
     */
    public static List<SchemeProvider> load(List<ClassLoader> loaders) {
        Map<String, SchemeProvider> byClass = new LinkedHashMap<>();
        for (ClassLoader loader : loaders) {
            loadFrom(loader, byClass);
        }
        List<SchemeProvider> sorted = new ArrayList<>(byClass.values());
        sorted.sort(Comparator.comparing(p -> p.getClass().getName()));
        return List.copyOf(sorted);
    }

    private static void loadFrom(ClassLoader loader, Map<String, SchemeProvider> byClass) {
        Iterator<SchemeProvider> it = ServiceLoader.load(SchemeProvider.class, loader).iterator();
        int errors = 0;
        while (true) {
            try {
                if (!it.hasNext()) {
                    return;
                }
                SchemeProvider p = it.next();
                byClass.putIfAbsent(p.getClass().getName(), p);
            } catch (ServiceConfigurationError e) {
                log().error("skipping a scheme provider that failed to load from {}: {}",
                        declaringJars(loader, e), e.getMessage(), e);
                if (++errors >= MAX_ERRORS_PER_LOADER) {
                    log().error("giving up on class loader {} after {} provider errors", loader, errors);
                    return;
                }
            }
        }
    }

    /** Where {@code type} was loaded from, for log lines. */
    public static String jarOf(Class<?> type) {
        CodeSource cs = type.getProtectionDomain() == null ? null : type.getProtectionDomain().getCodeSource();
        return cs == null || cs.getLocation() == null ? "(unknown location)" : cs.getLocation().toString();
    }

    /**
     * The service files (hence jars) that name the class the error is about; all service files
     * of the loader when no class name can be matched (a malformed service file, say).
     */
    static List<String> declaringJars(ClassLoader loader, ServiceConfigurationError error) {
        String message = String.valueOf(error.getMessage());
        List<String> all = new ArrayList<>();
        List<String> matching = new ArrayList<>();
        try {
            Enumeration<URL> files = loader.getResources(SERVICE_FILE);
            while (files.hasMoreElements()) {
                URL file = files.nextElement();
                all.add(file.toString());
                for (String name : classNames(file)) {
                    if (message.contains(name)) {
                        matching.add(file.toString());
                        break;
                    }
                }
            }
        } catch (IOException e) {
            all.add("(service files unreadable: " + e.getMessage() + ")");
        }
        return matching.isEmpty() ? all : matching;
    }

    // A service file: UTF-8 lines, '#' starts a comment, one fully qualified class name a line.
    private static List<String> classNames(URL file) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = file.openStream();
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int hash = line.indexOf('#');
                String name = (hash >= 0 ? line.substring(0, hash) : line).trim();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /**
     * The logger, looked up only when there is something to log: in a worker, the first lookup
     * starts the logging back end (hundreds of classes, XML configuration), which a task that
     * logs nothing should not pay for.
     */
    private static Logger log() {
        return LoggerFactory.getLogger(ProviderLoader.class);
    }
}
