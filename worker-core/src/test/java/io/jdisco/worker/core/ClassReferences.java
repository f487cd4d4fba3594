package io.jdisco.worker.core;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes a compiled class refers to, read from its class file (JVMS §4): the
 * {@code CONSTANT_Class} entries, the descriptors of {@code CONSTANT_NameAndType} and
 * {@code CONSTANT_MethodType} entries, the descriptors of its own fields and methods, and its
 * {@code Signature} attributes (generic types, which the erased descriptors lose). That is every
 * type the source names in code that javac keeps; Javadoc links and constants inlined by javac
 * leave no trace, which is why this reads class files rather than import lines.
 *
 * <p>Names are binary names with dots ({@code a.b.C$D}); {@link #topLevel} folds a nested class into
 * the class that encloses it.
 */
final class ClassReferences {
    private static final int MAGIC = 0xCAFEBABE;
    /** {@code La/b/C;} in a descriptor, or {@code La/b/C<} and {@code La/b/C.} in a signature. */
    private static final Pattern OBJECT_TYPE = Pattern.compile("L([^;<.]+)[;<.]");

    private final String name;
    private final Set<String> references;

    private ClassReferences(String name, Set<String> references) {
        this.name = name;
        this.references = references;
    }

    /** The class's own binary name. */
    String name() {
        return name;
    }

    /** The binary names of the classes it refers to, its own name included when it appears. */
    Set<String> references() {
        return references;
    }

    /**
     * Reads the class file {@code bytes}.
     *
     * @throws IOException when the bytes are not a class file this reader understands
     */
    static ClassReferences read(byte[] bytes) throws IOException {
        Objects.requireNonNull(bytes, "bytes");
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a class file: wrong magic");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNames = new int[count]; // the name index of each CONSTANT_Class entry, else 0
        List<Integer> descriptors = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNames[i] = in.readUnsignedShort();
                case 16 -> descriptors.add(in.readUnsignedShort());
                case 12 -> {
                    in.readUnsignedShort(); // name
                    descriptors.add(in.readUnsignedShort());
                }
                case 8, 19, 20 -> in.readUnsignedShort(); // String, Module, Package
                case 15 -> in.skipNBytes(3); // MethodHandle
                case 3, 4, 9, 10, 11, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // a long or double takes two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        in.readUnsignedShort(); // access flags
        String self = binaryName(utf8[classNames[in.readUnsignedShort()]]);
        Set<String> refs = new TreeSet<>();
        for (int index : descriptors) {
            addTypes(utf8[index], refs);
        }
        in.readUnsignedShort(); // super class: a CONSTANT_Class entry, counted below
        in.skipNBytes(2L * in.readUnsignedShort()); // interfaces: CONSTANT_Class entries too
        for (int members = 0; members < 2; members++) { // fields, then methods
            int n = in.readUnsignedShort();
            for (int m = 0; m < n; m++) {
                in.readUnsignedShort(); // access flags
                in.readUnsignedShort(); // name
                addTypes(utf8[in.readUnsignedShort()], refs);
                readAttributes(in, utf8, refs, classNames);
            }
        }
        readAttributes(in, utf8, refs, classNames);
        for (int index : classNames) {
            if (index != 0) {
                addClassName(utf8[index], refs);
            }
        }
        return new ClassReferences(self, refs);
    }

    /**
     * Reads an attribute table, keeping the types of {@code Signature} attributes and dropping the
     * classes a {@code PermittedSubclasses} attribute names from {@code classNames}: a sealed type
     * lists its subtypes to close its family, which is no use of them (and would make every
     * sealed family a cycle). A sealed type that also uses a permitted subtype in its code is not
     * seen to refer to it, since both share the one constant pool entry.
     */
    private static void readAttributes(DataInputStream in, String[] utf8, Set<String> refs, int[] classNames)
            throws IOException {
        int n = in.readUnsignedShort();
        for (int a = 0; a < n; a++) {
            String attribute = utf8[in.readUnsignedShort()];
            long length = in.readInt() & 0xFFFFFFFFL;
            if ("Signature".equals(attribute) && length == 2) {
                addTypes(utf8[in.readUnsignedShort()], refs);
            } else if ("PermittedSubclasses".equals(attribute)) {
                int permitted = in.readUnsignedShort();
                for (int p = 0; p < permitted; p++) {
                    classNames[in.readUnsignedShort()] = 0;
                }
            } else {
                in.skipNBytes(length);
            }
        }
    }

    /** A CONSTANT_Class name: a binary name with slashes, or an array descriptor. */
    private static void addClassName(String internal, Set<String> refs) {
        if (internal.startsWith("[")) {
            addTypes(internal, refs);
        } else {
            refs.add(binaryName(internal));
        }
    }

    /** Every object type named in a descriptor or signature. */
    private static void addTypes(String descriptor, Set<String> refs) {
        Matcher m = OBJECT_TYPE.matcher(descriptor);
        while (m.find()) {
            refs.add(binaryName(m.group(1)));
        }
    }

    private static String binaryName(String internal) {
        return internal.replace('/', '.');
    }

    /** {@code a.b.C} for {@code a.b.C$D$1}; the name itself for a top-level class. */
    static String topLevel(String binaryName) {
        int simple = binaryName.lastIndexOf('.') + 1;
        int dollar = binaryName.indexOf('$', simple);
        return dollar < 0 ? binaryName : binaryName.substring(0, dollar);
    }
}
