package io.jdisco.modutil.internal;

import java.nio.file.Path;

/**
 * A class found on the client.
 *
 * @param name the binary name
 * @param origin where its bytes live
 * @param location the jar file or class-directory root; {@code null} for {@link ClassOrigin#SYSTEM}
 * @param loader the loader to resolve the class's own references with
 */
public record LocatedClass(String name, ClassOrigin origin, Path location, ClassLoader loader) {

    /** The class file's name inside its jar or directory: {@code a/b/C.class}. */
    public String resourceName() {
        return resourceName(name);
    }

    /** {@code a.b.C} → {@code a/b/C.class}. */
    public static String resourceName(String binaryName) {
        return binaryName.replace('.', '/') + ".class";
    }

    /** Where to read it, for messages: {@code /x/y.jar!/a/b/C.class} or {@code /root/a/b/C.class}. */
    public String describe() {
        return switch (origin) {
            case SYSTEM -> "jrt:" + resourceName();
            case JAR -> location + "!/" + resourceName();
            case DIRECTORY -> location.resolve(resourceName()).toString();
        };
    }
}
