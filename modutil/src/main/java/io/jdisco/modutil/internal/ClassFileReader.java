package io.jdisco.modutil.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one class file into a {@link ClassFile}: the constant pool, the members with their
 * descriptors, and the attributes that name classes (JVMS §4.1, §4.7).
 *
 * <pre>
 *   u4 0xCAFEBABE  u2 minor  u2 major  constant_pool  u2 access  u2 this  u2 super
 *   u2 n, u2[n] interfaces  u2 n, field[n]  u2 n, method[n]  u2 n, attribute[n]
 *   field, method := u2 access, u2 name, u2 descriptor, u2 n, attribute[n]
 *   attribute     := u2 name, u4 length, u1[length]
 * </pre>
 *
 * Any major version is accepted: what we read has not changed since Java 11, and an unknown
 * constant-pool tag (the only thing a new version could add that matters) fails loudly. Invisible
 * annotations are skipped: they are for compilers and tools, the JVM never loads their classes.
 */
public final class ClassFileReader {
    private static final int MAGIC = 0xCAFEBABE;

    private final ClassBytes in;
    private ConstantPool pool;

    private ClassFileReader(byte[] bytes, String source) {
        this.in = new ClassBytes(bytes, source);
    }

    /**
     * Parses {@code bytes}; {@code source} (a path or URL) names the file in errors.
     *
     * @throws io.jdisco.modutil.ModUtilException if the bytes are not a well-formed class file
     */
    public static ClassFile read(byte[] bytes, String source) {
        return new ClassFileReader(bytes, source).read();
    }

    private ClassFile read() {
        if (in.u4() != MAGIC) {
            throw in.malformed("not a class file (bad magic)", 0);
        }
        in.u2();
        int major = in.u2();
        pool = ConstantPool.read(in);
        in.u2();
        int thisClass = in.u2();
        String internalName = pool.classInternalName(thisClass);
        in.u2();
        in.skip(2L * in.u2());
        References classRefs = new References();
        int fields = in.u2();
        for (int i = 0; i < fields; i++) {
            in.u2();
            in.u2();
            pool.descriptor(pool.utf8(in.u2()), classRefs);
            attributes(classRefs, null);
        }
        List<ClassFile.Method> methods = new ArrayList<>();
        int count = in.u2();
        for (int i = 0; i < count; i++) {
            in.u2();
            String name = pool.utf8(in.u2());
            String descriptor = pool.utf8(in.u2());
            ClassFile.Method method = new ClassFile.Method(name + descriptor);
            pool.descriptor(descriptor, method.refs);
            attributes(method.refs, method);
            methods.add(method);
        }
        attributes(classRefs, null);
        if (in.position() != in.array().length) {
            throw in.malformed("trailing bytes after the class attributes", in.position());
        }
        for (int i = 1; i < pool.size(); i++) {
            pool.classesOf(i, classRefs);
        }
        return new ClassFile(in, pool, major, internalName, classRefs, methods);
    }

    private void attributes(References out, ClassFile.Method method) {
        int count = in.u2();
        for (int i = 0; i < count; i++) {
            String name = pool.utf8(in.u2());
            long length = in.u4() & 0xFFFFFFFFL;
            int start = in.position();
            if (length > in.array().length - start) {
                throw in.malformed("attribute " + name + " runs past the end", start);
            }
            attribute(name, length, out, method);
            if (in.position() != start + length) {
                throw in.malformed("attribute " + name + " has length " + length + " but "
                        + (in.position() - start) + " bytes were read", start);
            }
        }
    }

    private void attribute(String name, long length, References out, ClassFile.Method method) {
        switch (name) {
            case "Signature" -> pool.signature(pool.utf8(in.u2()), out);
            case "RuntimeVisibleAnnotations" -> annotations(out);
            case "RuntimeVisibleParameterAnnotations" -> {
                int parameters = in.u1();
                for (int p = 0; p < parameters; p++) {
                    annotations(out);
                }
            }
            case "RuntimeVisibleTypeAnnotations" -> typeAnnotations(out);
            case "AnnotationDefault" -> elementValue(out);
            case "Exceptions" -> {
                int n = in.u2();
                for (int k = 0; k < n; k++) {
                    pool.classNamed(pool.classInternalName(in.u2()), out);
                }
            }
            case "Code" -> code(out, method);
            case "LocalVariableTable", "LocalVariableTypeTable" -> {
                int n = in.u2();
                for (int k = 0; k < n; k++) {
                    in.skip(6);
                    pool.signature(pool.utf8(in.u2()), out);
                    in.u2();
                }
            }
            case "Record" -> {
                int n = in.u2();
                for (int k = 0; k < n; k++) {
                    in.u2();
                    pool.signature(pool.utf8(in.u2()), out);
                    attributes(out, null);
                }
            }
            case "BootstrapMethods" -> bootstrapMethods();
            default -> in.skip(length);
            // InnerClasses, NestMembers, EnclosingMethod & co. hold Class constants, which the
            // whole-pool pass sees; everything else names no class.
        }
    }

    private void code(References out, ClassFile.Method method) {
        in.skip(4);
        long codeLength = in.u4() & 0xFFFFFFFFL;
        int codeStart = in.position();
        in.skip(codeLength);
        if (method != null) {
            method.codeStart = codeStart;
            method.codeLength = (int) codeLength;
        }
        int handlers = in.u2();
        for (int k = 0; k < handlers; k++) {
            in.skip(6);
            int catchType = in.u2();
            if (catchType != 0) {
                pool.classNamed(pool.classInternalName(catchType), out);
            }
        }
        attributes(out, null);
    }

    private void bootstrapMethods() {
        int n = in.u2();
        int[][] methods = new int[n][];
        for (int k = 0; k < n; k++) {
            int handle = in.u2();
            int args = in.u2();
            methods[k] = new int[args + 1];
            methods[k][0] = handle;
            for (int a = 1; a <= args; a++) {
                methods[k][a] = in.u2();
            }
        }
        pool.bootstrapMethods(methods);
    }

    // annotation := u2 type (field descriptor), u2 n, (u2 name, element_value)[n]
    private void annotations(References out) {
        int n = in.u2();
        for (int k = 0; k < n; k++) {
            annotation(out);
        }
    }

    private void annotation(References out) {
        pool.signature(pool.utf8(in.u2()), out);
        int pairs = in.u2();
        for (int k = 0; k < pairs; k++) {
            in.u2();
            elementValue(out);
        }
    }

    // element_value := u1 tag; BCDFIJSZs: u2 const | e: u2 type, u2 name | c: u2 return
    // descriptor | @: annotation | [: u2 n, element_value[n]
    private void elementValue(References out) {
        int at = in.position();
        int tag = in.u1();
        switch (tag) {
            case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z', 's' -> in.u2();
            case 'e' -> {
                pool.signature(pool.utf8(in.u2()), out);
                in.u2();
            }
            case 'c' -> pool.signature(pool.utf8(in.u2()), out);
            case '@' -> annotation(out);
            case '[' -> {
                int n = in.u2();
                for (int k = 0; k < n; k++) {
                    elementValue(out);
                }
            }
            default -> throw in.malformed("unknown annotation element tag " + tag, at);
        }
    }

    // type_annotation := u1 target_type, target_info (by type), u1 path_length, u2[path_length],
    // then the body of an annotation
    private void typeAnnotations(References out) {
        int n = in.u2();
        for (int k = 0; k < n; k++) {
            int at = in.position();
            int target = in.u1();
            switch (target) {
                case 0x00, 0x01, 0x16 -> in.skip(1);
                case 0x10, 0x17, 0x42, 0x43, 0x44, 0x45, 0x46 -> in.skip(2);
                case 0x11, 0x12 -> in.skip(2);
                case 0x13, 0x14, 0x15 -> {
                    // empty_target
                }
                case 0x40, 0x41 -> in.skip(6L * in.u2());
                case 0x47, 0x48, 0x49, 0x4A, 0x4B -> in.skip(3);
                default -> throw in.malformed("unknown type-annotation target 0x"
                        + Integer.toHexString(target), at);
            }
            in.skip(2L * in.u1());
            annotation(out);
        }
    }
}
