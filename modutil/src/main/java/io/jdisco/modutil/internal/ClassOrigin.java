package io.jdisco.modutil.internal;

/** Where the bytes of a class live on the client. */
public enum ClassOrigin {
    /** The JDK (a {@code jrt:} resource, the boot or platform loader): every node has it. */
    SYSTEM,
    /** A class inside a jar file, which is shipped whole. */
    JAR,
    /** A class file under a class-directory root, shipped as class files. */
    DIRECTORY
}
