package io.jdisco.modutil.internal;

import io.jdisco.modutil.ModUtilException;
import io.jdisco.modutil.RequiredModule;
import io.jdisco.modutil.RuntimeClasses;
import java.io.Closeable;
import java.lang.invoke.SerializedLambda;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One analysis: finds the classes functions mention directly, then locates them and, when
 * recursing, the classes those mention, down to JDK and runtime classes (which are leaves).
 *
 * <p>A class that cannot be found is an error when the function itself or a class from a class
 * directory (the user's own code) requires it. Classes only mentioned in metadata, and classes
 * required by a jar's classes, are skipped when missing: a jar is shipped whole and libraries
 * commonly reference optional dependencies. Not thread-safe; close it to release open jars.
 */
public final class DependencyWalker implements Closeable {
    private final ClassLocator locator = new ClassLocator();
    private final RuntimeClasses runtime;
    private final Predicate<String> excluded;
    private final Map<String, ClassFile> parsed = new HashMap<>();
    private final Set<String> done = new HashSet<>();
    private final Set<String> missing = new HashSet<>();
    private final Set<Path> jars = new HashSet<>();
    private final List<RequiredModule> found = new ArrayList<>();

    /** A walker classifying with {@code runtime} and skipping {@code excluded} names. */
    public DependencyWalker(RuntimeClasses runtime, Predicate<String> excluded) {
        this.runtime = runtime;
        this.excluded = excluded;
    }

    /** A class to locate, with the loader that sees it and who asked for it. */
    public record Ref(String name, ClassLoader loader, boolean strict, String referencedBy) {
    }

    /**
     * The classes {@code function} mentions directly: the classes of its serialized graph, and
     * for each lambda in it the capturing class, the interface, the implementation class and
     * what the implementation method (with the methods of its class it reaches) mentions; for a
     * named function class, what that class mentions. Ordered, without duplicates.
     */
    public List<Ref> directReferences(Object function, String label) {
        FunctionGraph graph = FunctionGraph.of(function, label);
        Map<String, Ref> refs = new LinkedHashMap<>();
        ClassLoader fallback = function.getClass().getClassLoader();
        graph.classes().forEach((name, type) ->
                add(refs, name, type.getClassLoader(), true, label));
        for (SerializedLambda lambda : graph.lambdas()) {
            String capturing = dotted(lambda.getCapturingClass());
            Class<?> capturingType = graph.classes().get(capturing);
            ClassLoader loader = capturingType != null ? capturingType.getClassLoader() : fallback;
            add(refs, capturing, loader, true, label);
            add(refs, dotted(lambda.getFunctionalInterfaceClass()), loader, true, label);
            String impl = dotted(lambda.getImplClass());
            add(refs, impl, loader, true, label);
            ClassFile implFile = userClassFile(impl, loader, label, capturing);
            if (implFile != null) {
                References body = implFile.methodClosure(lambda.getImplMethodName(),
                        lambda.getImplMethodSignature());
                if (body == null) {
                    // The handle names a class that inherits the method (some compilers use
                    // the qualifying type): take everything the class mentions instead.
                    body = implFile.references();
                }
                addAll(refs, body, loader, impl);
            }
        }
        Class<?> type = function.getClass();
        if (!type.isHidden()) {
            ClassFile own = userClassFile(type.getName(), type.getClassLoader(), label, null);
            if (own != null) {
                addAll(refs, own.references(), type.getClassLoader(), type.getName());
            }
        }
        return new ArrayList<>(refs.values());
    }

    /**
     * Locates {@code roots} (and, with {@code recurse}, what they need) on behalf of
     * {@code label}, adding what it finds to {@link #found()}.
     *
     * @throws ModUtilException if a strictly required class is missing
     */
    public void walk(String label, List<Ref> roots, boolean recurse) {
        Deque<Ref> queue = new ArrayDeque<>(roots);
        while (!queue.isEmpty()) {
            Ref ref = queue.poll();
            if (excluded.test(ref.name()) || done.contains(ref.name())) {
                continue;
            }
            LocatedClass located = missing.contains(ref.name()) ? null
                    : locator.locate(ref.name(), ref.loader());
            if (located == null) {
                if (ref.strict()) {
                    throw ModUtilException.missingClass(label, ref.name(), ref.referencedBy());
                }
                missing.add(ref.name());
                continue;
            }
            done.add(ref.name());
            if (!record(located) || !recurse) {
                continue;
            }
            boolean userCode = located.origin() == ClassOrigin.DIRECTORY;
            References refs = parse(located).references();
            for (String name : refs.required()) {
                queue.add(new Ref(name, located.loader(), userCode, located.name()));
            }
            for (String name : refs.optional()) {
                queue.add(new Ref(name, located.loader(), false, located.name()));
            }
            for (String nested : locator.nestedClasses(located)) {
                queue.add(new Ref(nested, located.loader(), false, located.name()));
            }
        }
    }

    /** What the walks found, in order: one entry per class, one per jar. */
    public List<RequiredModule> found() {
        return List.copyOf(found);
    }

    /** Records a located class; true if it is shipped (and so worth following). */
    private boolean record(LocatedClass located) {
        String name = located.name();
        if (located.origin() == ClassOrigin.SYSTEM) {
            found.add(RequiredModule.system(name));
            return false;
        }
        if (runtime.isRuntime(name, located.location())) {
            found.add(RequiredModule.runtime(name));
            return false;
        }
        if (located.origin() == ClassOrigin.JAR) {
            if (jars.add(located.location())) {
                found.add(RequiredModule.jar(name, located.location()));
            }
        } else {
            found.add(RequiredModule.classFiles(name, located.location()));
        }
        return true;
    }

    /** The parsed class file of a class that is neither JDK nor runtime; null otherwise. */
    private ClassFile userClassFile(String name, ClassLoader loader, String label, String by) {
        LocatedClass located = locator.locate(name, loader);
        if (located == null) {
            throw ModUtilException.missingClass(label, name, by);
        }
        if (located.origin() == ClassOrigin.SYSTEM
                || runtime.isRuntime(name, located.location())) {
            return null;
        }
        return parse(located);
    }

    private ClassFile parse(LocatedClass located) {
        return parsed.computeIfAbsent(located.describe(),
                key -> ClassFileReader.read(locator.read(located), key));
    }

    private static void add(Map<String, Ref> refs, String name, ClassLoader loader,
            boolean strict, String by) {
        Ref old = refs.get(name);
        if (old == null || (strict && !old.strict())) {
            refs.put(name, new Ref(name, loader, strict, by));
        }
    }

    private static void addAll(Map<String, Ref> refs, References found, ClassLoader loader,
            String by) {
        found.required().forEach(name -> add(refs, name, loader, true, by));
        found.optional().forEach(name -> add(refs, name, loader, false, by));
    }

    private static String dotted(String internalName) {
        return internalName.replace('/', '.');
    }

    @Override
    public void close() {
        locator.close();
    }
}
