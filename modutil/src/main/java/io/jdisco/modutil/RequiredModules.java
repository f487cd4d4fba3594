package io.jdisco.modutil;

import io.jdisco.worker.Tuple;
import java.io.File;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A job's {@code required_modules}, normalised: the seed's forms combined freely, de-duplicated,
 * order kept. Accepted items (nested collections are flattened):
 *
 * <ul>
 *   <li>a name ({@code "java.util.List"}, {@code "com.acme.Helper"}): assumed installed;
 *   <li>a pair {@code (name, path)}: a {@link Tuple} of two, a {@link Map.Entry}, or each entry
 *       of a {@link Map}; the path a {@link Path}, {@link File} or string ({@link
 *       RequiredModule#of});
 *   <li>a {@link RequiredModule}, e.g. the results of {@link ModUtil#findModules} and
 *       {@link ModUtil#locateModules};
 *   <li>any {@link Iterable} or array of the above.
 * </ul>
 *
 * A name listed both alone and with a location keeps the location (at the first position); the
 * same name with two different locations is an error. An immutable list.
 */
public final class RequiredModules extends AbstractList<RequiredModule> {
    private static final RequiredModules EMPTY = new RequiredModules(List.of());

    private final List<RequiredModule> modules;

    private RequiredModules(List<RequiredModule> modules) {
        this.modules = List.copyOf(modules);
    }

    /** No modules. */
    public static RequiredModules empty() {
        return EMPTY;
    }

    /** The modules given as {@code items}, in any of the accepted forms. */
    public static RequiredModules of(Object... items) {
        Objects.requireNonNull(items, "items");
        return from(Arrays.asList(items));
    }

    /**
     * The modules in {@code items}.
     *
     * @throws IllegalArgumentException naming the offending item if one is not an accepted form,
     *     or if a name is given two different locations
     */
    public static RequiredModules from(Iterable<?> items) {
        Objects.requireNonNull(items, "items");
        Map<String, RequiredModule> byName = new LinkedHashMap<>();
        List<RequiredModule> flat = new ArrayList<>();
        flatten(items, flat, "required_modules");
        for (RequiredModule module : flat) {
            RequiredModule old = byName.get(module.name());
            if (old == null || (!old.isSent() && module.isSent())) {
                byName.put(module.name(), module);
            } else if (old.isSent() && module.isSent() && !old.equals(module)) {
                throw new IllegalArgumentException("required module " + module.name()
                        + " is given two locations: " + old + " and " + module);
            }
        }
        return new RequiredModules(new ArrayList<>(byName.values()));
    }

    /** These modules followed by {@code items} (normalised together). */
    public RequiredModules plus(Object... items) {
        Objects.requireNonNull(items, "items");
        return from(List.of(this, Arrays.asList(items)));
    }

    /** The modules the job home must carry (those with a location). */
    public List<RequiredModule> sent() {
        return modules.stream().filter(RequiredModule::isSent).toList();
    }

    /** The names of all modules, in order. */
    public List<String> names() {
        return modules.stream().map(RequiredModule::name).toList();
    }

    @Override
    public RequiredModule get(int index) {
        return modules.get(index);
    }

    @Override
    public int size() {
        return modules.size();
    }

    private static void flatten(Object item, List<RequiredModule> out, String where) {
        if (item == null) {
            throw new IllegalArgumentException(where + " is null");
        }
        if (item instanceof RequiredModule module) {
            out.add(module);
        } else if (item instanceof CharSequence name) {
            out.add(RequiredModule.named(name.toString()));
        } else if (item instanceof Tuple tuple) {
            if (tuple.size() != 2 || !(tuple.get(0) instanceof CharSequence)) {
                throw new IllegalArgumentException(where + " is not a (name, path) pair: " + tuple);
            }
            out.add(pair(tuple.get(0).toString(), tuple.get(1), where));
        } else if (item instanceof Map.Entry<?, ?> entry) {
            if (!(entry.getKey() instanceof CharSequence)) {
                throw new IllegalArgumentException(where + " is not a (name, path) pair: " + entry);
            }
            out.add(pair(entry.getKey().toString(), entry.getValue(), where));
        } else if (item instanceof Map<?, ?> map) {
            flatten(map.entrySet(), out, where);
        } else if (item instanceof Iterable<?> items) {
            int i = 0;
            for (Object element : items) {
                flatten(element, out, where + "[" + i++ + "]");
            }
        } else if (item instanceof Object[] array) {
            flatten(Arrays.asList(array), out, where);
        } else {
            throw new IllegalArgumentException(where + " has type " + item.getClass().getName()
                    + "; expected a name, a (name, path) pair or a RequiredModule");
        }
    }

    private static RequiredModule pair(String name, Object path, String where) {
        if (path instanceof Path p) {
            return RequiredModule.of(name, p);
        }
        if (path instanceof File f) {
            return RequiredModule.of(name, f.toPath());
        }
        if (path instanceof CharSequence s) {
            return RequiredModule.of(name, Path.of(s.toString()));
        }
        throw new IllegalArgumentException(where + ": the path of " + name + " has type "
                + (path == null ? "null" : path.getClass().getName())
                + "; expected a Path, File or String");
    }
}
