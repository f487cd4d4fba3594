package io.jdisco.modutil.internal;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * The constant pool of one class file (JVMS §4.4), kept as parallel arrays, and the classes
 * each constant names.
 *
 * <pre>
 *   u2 constant_pool_count; cp_info[count - 1]   (index 0 unused; Long and Double take 2 slots)
 *   cp_info := u1 tag, then by tag:
 *     1 Utf8 u2 length, modified-UTF-8 bytes   3 Integer u4    4 Float u4
 *     5 Long u8 (2 slots)    6 Double u8 (2 slots)             7 Class u2 name(Utf8)
 *     8 String u2 Utf8       9/10/11 Field/Method/InterfaceMethod-ref u2 class, u2 nameAndType
 *     12 NameAndType u2 name, u2 descriptor   15 MethodHandle u1 kind, u2 reference
 *     16 MethodType u2 descriptor   17 Dynamic / 18 InvokeDynamic u2 bootstrap, u2 nameAndType
 *     19 Module u2 name   20 Package u2 name
 * </pre>
 */
final class ConstantPool {
    static final int UTF8 = 1;
    static final int CLASS = 7;
    static final int FIELDREF = 9;
    static final int METHODREF = 10;
    static final int INTERFACE_METHODREF = 11;
    static final int NAME_AND_TYPE = 12;
    static final int METHOD_HANDLE = 15;
    static final int METHOD_TYPE = 16;
    static final int DYNAMIC = 17;
    static final int INVOKE_DYNAMIC = 18;

    private final ClassBytes in;
    private final byte[] tags;
    private final int[] first;
    private final int[] second;
    private final String[] utf8;
    private int[][] bootstrapMethods = new int[0][];

    private ConstantPool(ClassBytes in, int count) {
        this.in = in;
        this.tags = new byte[count];
        this.first = new int[count];
        this.second = new int[count];
        this.utf8 = new String[count];
    }

    /** Reads the pool at the cursor (which must point at {@code constant_pool_count}). */
    static ConstantPool read(ClassBytes in) {
        int count = in.u2();
        ConstantPool pool = new ConstantPool(in, count);
        for (int i = 1; i < count; i++) {
            int at = in.position();
            int tag = in.u1();
            pool.tags[i] = (byte) tag;
            switch (tag) {
                case UTF8 -> pool.utf8[i] = pool.readUtf8(at);
                case 3, 4 -> in.skip(4);
                case 5, 6 -> {
                    in.skip(8);
                    i++;
                }
                case CLASS, 8, METHOD_TYPE, 19, 20 -> pool.first[i] = in.u2();
                case FIELDREF, METHODREF, INTERFACE_METHODREF, NAME_AND_TYPE, DYNAMIC,
                        INVOKE_DYNAMIC -> {
                    pool.first[i] = in.u2();
                    pool.second[i] = in.u2();
                }
                case METHOD_HANDLE -> {
                    pool.first[i] = in.u1();
                    pool.second[i] = in.u2();
                }
                default -> throw in.malformed("unknown constant-pool tag " + tag
                        + " (entry " + i + ")", at);
            }
        }
        return pool;
    }

    private String readUtf8(int at) {
        int length = in.u2();
        int start = in.position();
        in.skip(length);
        try (DataInputStream data = new DataInputStream(
                new ByteArrayInputStream(in.array(), start - 2, length + 2))) {
            return data.readUTF();
        } catch (IOException e) {
            throw in.malformed("bad modified UTF-8 in constant", at);
        }
    }

    /** Installs the {@code BootstrapMethods} attribute: per entry, the handle then its arguments. */
    void bootstrapMethods(int[][] methods) {
        this.bootstrapMethods = methods;
    }

    int size() {
        return tags.length;
    }

    int tag(int index) {
        return index > 0 && index < tags.length ? tags[index] : 0;
    }

    /** The Utf8 constant at {@code index}. */
    String utf8(int index) {
        check(index, UTF8);
        return utf8[index];
    }

    /** The internal name ({@code a/b/C} or an array descriptor) of the Class constant. */
    String classInternalName(int index) {
        check(index, CLASS);
        return utf8(first[index]);
    }

    /** The Class constant that owns the member reference at {@code index}. */
    int memberClass(int index) {
        return first[index];
    }

    /** {@code name + descriptor} of a NameAndType constant (or a member reference's one). */
    String nameAndType(int index) {
        int nat = tag(index) == NAME_AND_TYPE ? index : second[index];
        check(nat, NAME_AND_TYPE);
        return utf8(first[nat]) + utf8(second[nat]);
    }

    /** The reference constant of a MethodHandle constant. */
    int handleReference(int index) {
        check(index, METHOD_HANDLE);
        return second[index];
    }

    /** The bootstrap method entry (handle, then arguments) of a (Invoke)Dynamic constant. */
    int[] bootstrapOf(int index) {
        int which = first[index];
        if (which >= bootstrapMethods.length) {
            throw in.malformed("constant " + index + " names bootstrap method " + which
                    + " of " + bootstrapMethods.length, 0);
        }
        return bootstrapMethods[which];
    }

    /**
     * Adds the classes the constant at {@code index} names to {@code out} as required: a class,
     * a member's owner and descriptor, a method type, a handle's target, a dynamic constant's
     * bootstrap method and arguments. Constants that name no class add nothing.
     */
    void classesOf(int index, References out) {
        classesOf(index, out, 0);
    }

    private void classesOf(int index, References out, int depth) {
        if (depth > 32) {
            throw in.malformed("dynamic constants nest deeper than 32 (entry " + index + ")", 0);
        }
        switch (tag(index)) {
            case CLASS -> classNamed(classInternalName(index), out);
            case FIELDREF, METHODREF, INTERFACE_METHODREF -> {
                classesOf(first[index], out, depth + 1);
                classesOf(second[index], out, depth + 1);
            }
            case NAME_AND_TYPE -> descriptor(utf8(second[index]), out);
            case METHOD_TYPE -> descriptor(utf8(first[index]), out);
            case METHOD_HANDLE -> classesOf(second[index], out, depth + 1);
            case DYNAMIC, INVOKE_DYNAMIC -> {
                for (int arg : bootstrapOf(index)) {
                    classesOf(arg, out, depth + 1);
                }
                classesOf(second[index], out, depth + 1);
            }
            default -> {
                // Utf8, numbers, strings, modules and packages name no class.
            }
        }
    }

    /** Adds the class an internal name denotes (the element class for an array). */
    void classNamed(String internalName, References out) {
        if (internalName.startsWith("[")) {
            descriptor(internalName, out);
        } else {
            out.require(internalName.replace('/', '.'));
        }
    }

    /** Adds the classes of a descriptor as required. */
    void descriptor(String descriptor, References out) {
        parse(descriptor, out, true);
    }

    /** Adds the classes of a generic signature or debug descriptor as optional. */
    void signature(String signature, References out) {
        parse(signature, out, false);
    }

    private void parse(String text, References out, boolean required) {
        try {
            Signatures.classesIn(text, required ? out::require : out::mention);
        } catch (IllegalArgumentException e) {
            throw in.malformed(e.getMessage(), in.position());
        }
    }

    private void check(int index, int tag) {
        if (tag(index) != tag) {
            throw in.malformed("constant " + index + " has tag " + tag(index)
                    + ", expected " + tag, in.position());
        }
    }
}
