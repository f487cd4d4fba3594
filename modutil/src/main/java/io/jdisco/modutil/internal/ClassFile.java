package io.jdisco.modutil.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One parsed class file: its name, version, the classes it mentions as a whole, and on demand
 * the classes one of its methods (with the methods of the same class it calls) mentions.
 */
public final class ClassFile {
    private final ClassBytes in;
    private final ConstantPool pool;
    private final int majorVersion;
    private final String internalName;
    private final References references;
    private final Map<String, Method> methods = new LinkedHashMap<>();

    ClassFile(ClassBytes in, ConstantPool pool, int majorVersion, String internalName,
            References classRefs, List<Method> methods) {
        this.in = in;
        this.pool = pool;
        this.majorVersion = majorVersion;
        this.internalName = internalName;
        for (Method method : methods) {
            this.methods.put(method.key, method);
            classRefs.addAll(method.refs);
        }
        this.references = withoutSelf(classRefs);
    }

    /** The class-file major version (52 = Java 8 … 61 = Java 17). */
    public int majorVersion() {
        return majorVersion;
    }

    /** The binary name of the class ({@code a.b.Outer$Inner}). */
    public String name() {
        return internalName.replace('/', '.');
    }

    /** Every class this class file mentions, itself excluded. */
    public References references() {
        return references;
    }

    /**
     * The classes mentioned by method {@code name} with {@code descriptor} and by every method of
     * this class it reaches (calls, method handles, {@code invokedynamic} arguments such as a
     * nested lambda's body), this class excluded; {@code null} if there is no such method.
     * This is what a lambda's body "uses directly".
     */
    public References methodClosure(String name, String descriptor) {
        Method start = methods.get(name + descriptor);
        if (start == null) {
            return null;
        }
        References out = new References();
        Set<String> seen = new HashSet<>();
        Deque<Method> queue = new ArrayDeque<>();
        queue.add(start);
        seen.add(start.key);
        while (!queue.isEmpty()) {
            Method method = queue.poll();
            out.addAll(method.refs);
            if (method.codeLength == 0) {
                continue;
            }
            Bytecode.constants(in, method.codeStart, method.codeLength, index -> {
                pool.classesOf(index, out);
                for (String callee : sameClassMembers(index)) {
                    Method next = methods.get(callee);
                    if (next != null && seen.add(callee)) {
                        queue.add(next);
                    }
                }
            });
        }
        return withoutSelf(out);
    }

    /** The members of this class a constant reaches (directly, via a handle, or a bootstrap). */
    private List<String> sameClassMembers(int index) {
        int tag = pool.tag(index);
        if (tag == ConstantPool.METHODREF || tag == ConstantPool.INTERFACE_METHODREF) {
            return pool.classInternalName(pool.memberClass(index)).equals(internalName)
                    ? List.of(pool.nameAndType(index)) : List.of();
        }
        if (tag == ConstantPool.METHOD_HANDLE) {
            return sameClassMembers(pool.handleReference(index));
        }
        if (tag == ConstantPool.INVOKE_DYNAMIC || tag == ConstantPool.DYNAMIC) {
            int[] bootstrap = pool.bootstrapOf(index);
            return java.util.Arrays.stream(bootstrap)
                    .filter(arg -> pool.tag(arg) == ConstantPool.METHOD_HANDLE)
                    .mapToObj(this::sameClassMembers)
                    .flatMap(List::stream)
                    .toList();
        }
        return List.of();
    }

    private References withoutSelf(References refs) {
        String self = name();
        if (!refs.required().contains(self) && !refs.optional().contains(self)) {
            return refs;
        }
        References copy = new References();
        refs.required().stream().filter(n -> !n.equals(self)).forEach(copy::require);
        refs.optional().stream().filter(n -> !n.equals(self)).forEach(copy::mention);
        return copy;
    }

    /** A method's own references and where its code is. */
    static final class Method {
        final String key;
        final References refs = new References();
        int codeStart;
        int codeLength;

        Method(String key) {
            this.key = key;
        }
    }
}
