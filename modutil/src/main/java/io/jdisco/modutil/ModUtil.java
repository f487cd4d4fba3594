package io.jdisco.modutil;

import io.jdisco.modutil.internal.DependencyWalker;
import io.jdisco.modutil.internal.Exclusions;
import io.jdisco.modutil.internal.FunctionGraph;
import java.lang.invoke.SerializedLambda;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Finds what a job's functions need on the nodes: Disco's {@code disco.worker.modutil} for Java.
 *
 * <p>A function is a {@link java.io.Serializable} object (a lambda or a named class). We read the
 * class files it involves: for a lambda the implementation method found through its
 * {@link SerializedLambda}, for a named class the class itself, plus the classes of everything it
 * captures. Referenced classes come from the constant pool, member descriptors, signatures,
 * visible annotations, {@code invokedynamic} bootstrap arguments, nest members and inner classes.
 * Each class is then classified: JDK classes are system, classes of the jdisco runtime
 * ({@link RuntimeClasses}) come with every job home, classes from a jar ship that jar (once),
 * classes from a class directory ship their class files.
 *
 * <p>Heuristic limits, as in Python: classes reached only by reflection
 * ({@code Class.forName("…")}), service loading or resources are not detected; name them in
 * {@code required_modules} (or ship their jar in {@code required_files}). Immutable and
 * thread-safe; each call opens and closes its own jars.
 */
public final class ModUtil {
    private final RuntimeClasses runtime;

    private ModUtil(RuntimeClasses runtime) {
        this.runtime = runtime;
    }

    /** Analysis with {@link RuntimeClasses#standard()}. */
    public static ModUtil standard() {
        return new ModUtil(RuntimeClasses.standard());
    }

    /** Analysis deciding runtime classes with {@code runtime}. */
    public static ModUtil with(RuntimeClasses runtime) {
        return new ModUtil(Objects.requireNonNull(runtime, "runtime"));
    }

    /**
     * The seed's default: every module the functions need, recursively, sending the local ones:
     * {@code findModules(functions, true, true, List.of())}.
     */
    public List<RequiredModule> findModules(Collection<?> functions) {
        return findModules(functions, true, true, List.of());
    }

    /**
     * Guesses and locates the modules {@code functions} use; errors name a function by its
     * position ({@code "function #2 (…)"}).
     *
     * @see #findModules(Map, boolean, boolean, Collection)
     */
    public List<RequiredModule> findModules(Collection<?> functions, boolean sendModules,
            boolean recurse, Collection<String> exclude) {
        Objects.requireNonNull(functions, "functions");
        Map<String, Object> labelled = new LinkedHashMap<>();
        int i = 0;
        for (Object function : functions) {
            labelled.put("function #" + i++, Objects.requireNonNull(function, "function"));
        }
        return findModules(labelled, sendModules, recurse, exclude);
    }

    /**
     * Guesses and locates the modules the functions use, each function under a label that errors
     * name (a worker passes its parameter names: {@code "map"}, {@code "reduce"}, …).
     *
     * @param sendModules with {@code true}, local classes come back with their location (to be
     *     shipped) and JDK and runtime classes as names; with {@code false}, only the names the
     *     functions use directly (no recursion, nothing located, as in the seed)
     * @param recurse with {@code true}, also what the shipped classes need, transitively
     * @param exclude class or package names to leave out (see {@link #parseFunction} for names)
     * @return the required modules in the order found, one entry per class and one per jar
     * @throws ModUtilException if a class a function needs cannot be found or read
     * @throws IllegalArgumentException if a function cannot be serialized
     */
    public List<RequiredModule> findModules(Map<String, ?> functions, boolean sendModules,
            boolean recurse, Collection<String> exclude) {
        Objects.requireNonNull(functions, "functions");
        Exclusions excluded = Exclusions.of(exclude);
        try (DependencyWalker walker = new DependencyWalker(runtime, excluded)) {
            if (!sendModules) {
                TreeSet<String> names = new TreeSet<>();
                functions.forEach((label, function) -> walker
                        .directReferences(function, describe(label, function)).stream()
                        .map(DependencyWalker.Ref::name)
                        .filter(name -> !excluded.test(name))
                        .forEach(names::add));
                return names.stream().map(RequiredModule::named).toList();
            }
            functions.forEach((label, function) -> {
                String description = describe(label, function);
                walker.walk(description, walker.directReferences(function, description),
                        recurse);
            });
            return walker.found();
        }
    }

    /**
     * A job's {@code required_modules}: {@code spec} normalised ({@link RequiredModules#from}
     * forms), or, when the job gave none ({@code null}), the seed's default: every module the
     * job's functions need, found recursively, local ones sent. {@code functions} are the job's
     * function objects by parameter name; any serializable parameter value may be passed, as its
     * classes travel in the job data just the same.
     *
     * @throws ModUtilException if the default is taken and a needed class cannot be found
     */
    public RequiredModules requiredModules(Object spec, Map<String, ?> functions) {
        if (spec != null) {
            return spec instanceof RequiredModules given ? given
                    : RequiredModules.from(spec instanceof Iterable<?> items ? items
                            : List.of(spec));
        }
        return RequiredModules.from(findModules(functions, true, true, List.of()));
    }

    /**
     * Locates classes by name as {@code loader} sees them, and with {@code recurse} what they
     * need.
     *
     * @param includeSystem with {@code false}, JDK and runtime classes are left out of the result
     * @throws ModUtilException if a named class, or a class a shipped class-directory class
     *     needs, cannot be found
     */
    public List<RequiredModule> locateModules(Collection<String> names, ClassLoader loader,
            boolean recurse, boolean includeSystem) {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(loader, "loader");
        List<DependencyWalker.Ref> roots = new ArrayList<>();
        for (String name : names) {
            RequiredModule.named(name);
            roots.add(new DependencyWalker.Ref(name, loader, true, null));
        }
        try (DependencyWalker walker = new DependencyWalker(runtime, n -> false)) {
            walker.walk("locateModules(" + names + ")", roots, recurse);
            return walker.found().stream()
                    .filter(m -> includeSystem || m.isSent())
                    .toList();
        }
    }

    /**
     * {@link #locateModules(Collection, ClassLoader, boolean, boolean)} with the current
     * thread's context class loader (or the system loader when there is none).
     */
    public List<RequiredModule> locateModules(Collection<String> names, boolean recurse,
            boolean includeSystem) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return locateModules(names, context != null ? context : ClassLoader.getSystemClassLoader(),
                recurse, includeSystem);
    }

    /**
     * The classes one function mentions directly, JDK classes included, sorted: a diagnostic to
     * print and check what {@link #findModules} will start from. For a lambda, "directly" means
     * its body (and the methods of its class the body reaches), its capturing and implementation
     * classes, its interface, and the classes of what it captures.
     *
     * @throws ModUtilException if a class file of the function cannot be found or read
     * @throws IllegalArgumentException if the function cannot be serialized
     */
    public List<String> parseFunction(Object function) {
        Objects.requireNonNull(function, "function");
        try (DependencyWalker walker = new DependencyWalker(runtime, n -> false)) {
            return walker.directReferences(function, describe("function", function)).stream()
                    .map(DependencyWalker.Ref::name)
                    .sorted()
                    .toList();
        }
    }

    /** {@code "map (lambda a.b.Job::lambda$main$0 as a.b.MapFn)"} or {@code "map (a.b.Upper)"}. */
    static String describe(String label, Object function) {
        Objects.requireNonNull(label, "label");
        Class<?> type = function.getClass();
        if (type.isHidden() && function instanceof java.io.Serializable) {
            try {
                List<SerializedLambda> lambdas = FunctionGraph.of(function, label).lambdas();
                if (!lambdas.isEmpty()) {
                    SerializedLambda lambda = lambdas.get(0);
                    return label + " (lambda " + lambda.getImplClass().replace('/', '.') + "::"
                            + lambda.getImplMethodName() + " as "
                            + lambda.getFunctionalInterfaceClass().replace('/', '.') + ")";
                }
            } catch (IllegalArgumentException e) {
                // Not serializable: the analysis itself reports that, with the reason.
            }
        }
        return label + " (" + type.getName() + ")";
    }
}
