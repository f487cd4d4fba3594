package io.jdisco.modutil.internal;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The classes one piece of bytecode mentions, split by how much the JVM needs them.
 *
 * <p><em>Required</em> classes are resolved when the code links or runs (constant-pool class
 * entries, member descriptors, bootstrap arguments, catch types). <em>Optional</em> classes only
 * appear in metadata the JVM tolerates missing (generic signatures, visible annotations, debug
 * tables): they are shipped when found, but their absence is not an error. A class is in at most
 * one of the two sets; required wins. Names are binary names ({@code a.b.Outer$Inner}), in order
 * of first mention. Mutable while a class file is read, then handed out read-only.
 */
public final class References {
    private final Set<String> required = new LinkedHashSet<>();
    private final Set<String> optional = new LinkedHashSet<>();

    /** Records a class the code needs at run time. */
    void require(String binaryName) {
        optional.remove(binaryName);
        required.add(binaryName);
    }

    /** Records a class mentioned only in metadata. */
    void mention(String binaryName) {
        if (!required.contains(binaryName)) {
            optional.add(binaryName);
        }
    }

    /** Adds everything {@code other} holds, keeping each class's strength. */
    void addAll(References other) {
        other.required.forEach(this::require);
        other.optional.forEach(this::mention);
    }

    /** The classes needed at run time. */
    public Set<String> required() {
        return Collections.unmodifiableSet(required);
    }

    /** The classes mentioned only in metadata, absent from {@link #required()}. */
    public Set<String> optional() {
        return Collections.unmodifiableSet(optional);
    }
}
