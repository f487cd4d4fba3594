package io.jdisco.modutil;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeClassesTest {
    @TempDir
    Path temp;

    private Path jarWith(String name, String... entries) throws IOException {
        Path jar = temp.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String entry : entries) {
                out.putNextEntry(new JarEntry(entry));
                out.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void classInARuntimePackageIsRuntime() throws IOException {
        Path anywhere = jarWith("any.jar", "x/Y.class");

        assertTrue(RuntimeClasses.standard().isRuntime("io.jdisco.taskio.Chain", anywhere));
    }

    @Test
    void otherClassInAJarHoldingRuntimeClassesIsRuntime() throws IOException {
        Path core = jarWith("core.jar", "io/jdisco/worker/core/X.class",
                "shaded/dep/Thing.class");

        assertTrue(RuntimeClasses.standard().isRuntime("shaded.dep.Thing", core));
    }

    @Test
    void classDirectoryHoldingRuntimePackagesIsRuntime() throws IOException {
        Files.createDirectories(temp.resolve("classes/io/jdisco/schemes/http"));

        assertTrue(RuntimeClasses.standard().isRuntime("other.Thing", temp.resolve("classes")));
    }

    @Test
    void userJarIsNotRuntime() throws IOException {
        Path user = jarWith("user.jar", "com/acme/Job.class", "io/jdisco/examples/Demo.class");

        assertFalse(RuntimeClasses.standard().isRuntime("com.acme.Job", user));
    }

    @Test
    void declaredLocationIsRuntime() throws IOException {
        Path installed = jarWith("installed.jar", "org/lib/A.class");

        assertTrue(RuntimeClasses.standard().withLocations(List.of(installed))
                .isRuntime("org.lib.A", installed));
    }

    @Test
    void noneShipsEvenRuntimePackages() throws IOException {
        Path core = jarWith("core2.jar", "io/jdisco/worker/Task.class");

        assertFalse(RuntimeClasses.none().isRuntime("io.jdisco.worker.Task", core));
    }

    @Test
    void customPredicateDecides() throws IOException {
        Path jar = jarWith("c.jar", "a/B.class");

        assertTrue(RuntimeClasses.matching((name, where) -> name.startsWith("a."))
                .isRuntime("a.B", jar));
    }
}
