package io.jdisco.worker.core.scheme;

import io.jdisco.worker.core.scheme.internal.ProviderLoader;
import io.jdisco.worker.io.InputLink;
import io.jdisco.worker.spi.ResolvedInput;
import io.jdisco.worker.spi.SchemeContext;
import io.jdisco.worker.spi.SchemeProvider;
import io.jdisco.worker.spi.SchemeResolver;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.WeakHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheme registry: which {@link SchemeProvider} opens the URLs of each scheme. Every URL a
 * job reads — inputs, index files, results — goes through one of these.
 *
 * <p>Modelled on Beam's {@code FileSystems}: an instance (not a static global) built from
 * providers found with {@link java.util.ServiceLoader} in explicit class loaders. Loading is
 * loud about conflicts: two providers claiming one scheme fail the build of the registry, naming
 * the scheme and both classes, unless an override ({@code jdisco.scheme.<scheme>=<class name>},
 * from the override map or a system property) picks the winner. An unknown scheme fails naming
 * the URL and the known schemes; only a URL without {@code "://"} is a local file. Immutable and
 * thread-safe.
 */
public final class Schemes implements SchemeResolver {
    /** Prefix of the settings and system properties that pick a provider for a scheme. */
    public static final String OVERRIDE_PREFIX = "jdisco.scheme.";

    /**
     * The registries of {@link #shared()}, by context class loader. Weak keys and soft values: a
     * job's class loader (an in-process worker's, say) and the providers it loaded can still be
     * collected once the job is gone.
     */
    private static final Map<ClassLoader, SoftReference<Schemes>> SHARED = new WeakHashMap<>();

    private final Map<String, SchemeProvider> byScheme;

    private Schemes(Map<String, SchemeProvider> byScheme) {
        this.byScheme = byScheme;
    }

    /**
     * The providers visible to the SPI's own class loader and the thread's context class loader,
     * with overrides from {@code jdisco.scheme.*} system properties. Never the system class
     * loader on its own: in a container or a test the job's classes live elsewhere.
     */
    public static Schemes load() {
        return load(Map.of(), defaultLoaders());
    }

    /**
     * The registry of {@link #load()} for the thread's context class loader, built on the first
     * call and reused after: a task opens inputs, outputs and index files through it many times,
     * and each {@link #load()} has {@link java.util.ServiceLoader} scan every jar of the class
     * path. The {@code jdisco.scheme.*} system properties are those of the first call.
     *
     * @throws IllegalStateException as {@link #load(Map, ClassLoader...)}; nothing is kept then,
     *     so the next call tries again
     */
    public static Schemes shared() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader key = context != null ? context : Schemes.class.getClassLoader();
        synchronized (SHARED) {
            SoftReference<Schemes> kept = SHARED.get(key);
            Schemes schemes = kept != null ? kept.get() : null;
            if (schemes == null) {
                schemes = load();
                SHARED.put(key, new SoftReference<>(schemes));
            }
            return schemes;
        }
    }

    /** The providers visible to {@code loaders}, with overrides from system properties. */
    public static Schemes load(ClassLoader... loaders) {
        return load(Map.of(), loaders);
    }

    /**
     * The providers visible to {@code loaders}; {@code overrides} (scheme → provider class name)
     * wins over {@code jdisco.scheme.*} system properties.
     *
     * @throws IllegalStateException when two providers claim a scheme and no override decides,
     *     or an override names a class that does not serve its scheme
     */
    public static Schemes load(Map<String, String> overrides, ClassLoader... loaders) {
        Objects.requireNonNull(overrides, "overrides");
        Objects.requireNonNull(loaders, "loaders");
        List<ClassLoader> list = new ArrayList<>();
        for (ClassLoader l : loaders) {
            list.add(Objects.requireNonNull(l, "loader"));
        }
        return build(ProviderLoader.load(list), overrides);
    }

    /** A registry of exactly {@code providers} (for tests and embedding), with system overrides. */
    public static Schemes of(SchemeProvider... providers) {
        return of(Map.of(), providers);
    }

    /** A registry of exactly {@code providers}; {@code overrides} as in {@link #load(Map, ClassLoader...)}. */
    public static Schemes of(Map<String, String> overrides, SchemeProvider... providers) {
        Objects.requireNonNull(overrides, "overrides");
        Objects.requireNonNull(providers, "providers");
        List<SchemeProvider> list = new ArrayList<>(Arrays.asList(providers));
        list.forEach(p -> Objects.requireNonNull(p, "provider"));
        list.sort(Comparator.comparing(p -> p.getClass().getName()));
        return build(list, overrides);
    }

    /**
     * The {@code jdisco.scheme.<scheme>} entries of {@code settings} (job parameters, say) as an
     * override map for {@link #load(Map, ClassLoader...)}.
     */
    public static Map<String, String> overridesFrom(Map<String, ?> settings) {
        Objects.requireNonNull(settings, "settings");
        Map<String, String> out = new TreeMap<>();
        settings.forEach((k, v) -> {
            if (k.startsWith(OVERRIDE_PREFIX) && k.length() > OVERRIDE_PREFIX.length() && v != null) {
                out.put(k.substring(OVERRIDE_PREFIX.length()), v.toString().trim());
            }
        });
        return out;
    }

    private static ClassLoader[] defaultLoaders() {
        List<ClassLoader> loaders = new ArrayList<>();
        ClassLoader spi = SchemeProvider.class.getClassLoader();
        if (spi != null) {
            loaders.add(spi);
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && context != spi) {
            loaders.add(context);
        }
        if (loaders.isEmpty()) {
            loaders.add(Schemes.class.getClassLoader());
        }
        return loaders.toArray(new ClassLoader[0]);
    }

    private static Schemes build(List<SchemeProvider> providers, Map<String, String> explicit) {
        Map<String, String> overrides = new HashMap<>(overridesFrom(systemProperties()));
        overrides.putAll(explicit);
        Map<String, List<SchemeProvider>> claims = new TreeMap<>();
        for (SchemeProvider p : providers) {
            Set<String> schemes;
            try {
                schemes = Objects.requireNonNull(p.schemes(), "schemes()");
            } catch (RuntimeException e) {
                log().error("skipping scheme provider {} from {}: its schemes() failed: {}", p.getClass().getName(),
                        ProviderLoader.jarOf(p.getClass()), e.toString(), e);
                continue;
            }
            for (String s : schemes) {
                checkSchemeName(s, p);
                claims.computeIfAbsent(s, k -> new ArrayList<>()).add(p);
            }
        }
        Map<String, SchemeProvider> chosen = new LinkedHashMap<>();
        claims.forEach((scheme, claimants) -> chosen.put(scheme, choose(scheme, claimants, overrides.get(scheme))));
        return new Schemes(Map.copyOf(chosen));
    }

    private static Map<String, String> systemProperties() {
        Properties props = System.getProperties();
        Map<String, String> out = new HashMap<>();
        for (String name : props.stringPropertyNames()) {
            out.put(name, props.getProperty(name));
        }
        return out;
    }

    private static void checkSchemeName(String s, SchemeProvider p) {
        if (s == null || s.isEmpty() || s.contains("://") || s.contains("/")) {
            throw new IllegalStateException("scheme provider " + p.getClass().getName()
                    + " claims an invalid scheme name: \"" + s + "\"");
        }
    }

    private static SchemeProvider choose(String scheme, List<SchemeProvider> claimants, String override) {
        if (override != null && !override.isEmpty()) {
            for (SchemeProvider p : claimants) {
                if (p.getClass().getName().equals(override)) {
                    return p;
                }
            }
            throw new IllegalStateException("override " + OVERRIDE_PREFIX + scheme + "=" + override
                    + " names no provider of scheme '" + scheme + "'; its providers are " + classNames(claimants));
        }
        if (claimants.size() > 1) {
            throw new IllegalStateException("scheme '" + scheme + "' is claimed by " + claimants.size()
                    + " providers: " + classNames(claimants) + "; keep one jar, or choose with "
                    + OVERRIDE_PREFIX + scheme + "=<class name>");
        }
        return claimants.get(0);
    }

    private static List<String> classNames(List<SchemeProvider> ps) {
        List<String> names = new ArrayList<>();
        for (SchemeProvider p : ps) {
            names.add(p.getClass().getName() + " (" + ProviderLoader.jarOf(p.getClass()) + ")");
        }
        return names;
    }

    /**
     * The provider serving {@code url}'s scheme.
     *
     * @throws IllegalArgumentException naming the URL and the known schemes when none does
     */
    public SchemeProvider provider(String url) {
        Objects.requireNonNull(url, "url");
        String scheme = SchemeResolver.schemeOf(url);
        SchemeProvider p = byScheme.get(scheme);
        if (p == null) {
            throw new IllegalArgumentException("no scheme handler for '" + scheme + "' to open " + url
                    + "; known schemes: " + schemes() + " (add a jar with a " + SchemeProvider.class.getName()
                    + " for '" + scheme + "' to the class path)");
        }
        return p;
    }

    @Override
    public InputLink open(String url, SchemeContext context) throws IOException {
        Objects.requireNonNull(context, "context");
        SchemeProvider p = provider(url);
        InputLink link = p.open(url, context);
        if (link == null || !link.isOpen()) {
            throw new IllegalStateException("scheme provider " + p.getClass().getName()
                    + " returned no stream for " + url);
        }
        return link;
    }

    /** Opens {@code url} outside a task, with settings from system properties and the environment. */
    public InputLink open(String url) throws IOException {
        return open(url, BasicSchemeContext.of(this));
    }

    @Override
    public List<ResolvedInput> expand(String url, SchemeContext context) throws IOException {
        Objects.requireNonNull(context, "context");
        List<ResolvedInput> inputs = provider(url).expand(url, context);
        return List.copyOf(Objects.requireNonNull(inputs, "inputs of " + url));
    }

    @Override
    public boolean isIndirect(String url) {
        return provider(url).isIndirect();
    }

    @Override
    public Set<String> schemes() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(byScheme.keySet()));
    }

    /** The provider chosen for each scheme, by scheme; for diagnostics. */
    public Map<String, String> providerClasses() {
        Map<String, String> out = new TreeMap<>();
        byScheme.forEach((s, p) -> out.put(s, p.getClass().getName()));
        return out;
    }

    @Override
    public String toString() {
        return "Schemes" + providerClasses();
    }

    /**
     * The logger, looked up only when there is something to log: in a worker, the first lookup
     * starts the logging back end (hundreds of classes, XML configuration), which a task that
     * logs nothing should not pay for.
     */
    private static Logger log() {
        return LoggerFactory.getLogger(Schemes.class);
    }
}
