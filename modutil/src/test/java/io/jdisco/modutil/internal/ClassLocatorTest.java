package io.jdisco.modutil.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jdisco.modutil.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassLocatorTest {
    private final Fixtures fx = Fixtures.get();

    @TempDir
    Path temp;

    /** A loader that defines classes from jars but answers no resource lookups. */
    private static final class NoResourcesLoader extends URLClassLoader {
        NoResourcesLoader(Path jar) throws IOException {
            super(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        }

        @Override
        public URL getResource(String name) {
            return null;
        }
    }

    @Test
    void jdkClassIsSystem() {
        try (ClassLocator locator = new ClassLocator()) {
            assertEquals(ClassOrigin.SYSTEM,
                    locator.locate("javax.sql.DataSource", fx.loader).origin());
        }
    }

    @Test
    void jarResourceNamesTheJar() {
        try (ClassLocator locator = new ClassLocator()) {
            LocatedClass found = locator.locate("fx.lib.Greeter", fx.loader);

            assertEquals(new LocatedClass("fx.lib.Greeter", ClassOrigin.JAR, fx.greeterJar,
                    fx.loader), found);
        }
    }

    @Test
    void directoryResourceNamesTheRoot() {
        try (ClassLocator locator = new ClassLocator()) {
            assertEquals(fx.fnClasses, locator.locate("fx.fn.Helper", fx.loader).location());
        }
    }

    @Test
    void codeSourceServesLoadersWithoutResources() throws IOException {
        try (NoResourcesLoader loader = new NoResourcesLoader(fx.paddingJar);
                ClassLocator locator = new ClassLocator()) {
            LocatedClass found = locator.locate("fx.dep.Padding", loader);

            assertEquals(ClassOrigin.JAR, found.origin());
            assertEquals(fx.paddingJar, found.location());
        }
    }

    @Test
    void manifestClassPathOfTheClassPathIsSearchedLast() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("app"));
        Files.copy(fx.paddingJar, dir.resolve("padding.jar"));
        Path launcher = dir.resolve("launcher.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, "padding.jar");
        try (OutputStream out = Files.newOutputStream(launcher);
                JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        String saved = System.getProperty("java.class.path");
        System.setProperty("java.class.path", launcher.toString());
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null);
                ClassLocator locator = new ClassLocator()) {
            LocatedClass found = locator.locate("fx.dep.Padding", empty);

            assertEquals(dir.resolve("padding.jar"), found.location());
        } finally {
            System.setProperty("java.class.path", saved);
        }
    }

    @Test
    void unknownClassIsNull() {
        try (ClassLocator locator = new ClassLocator()) {
            assertNull(locator.locate("fx.fn.NoSuchClass", fx.loader));
        }
    }

    @Test
    void nestedClassesAreTheOuterDollarFiles() {
        try (ClassLocator locator = new ClassLocator()) {
            LocatedClass upper = locator.locate("fx.fn.Upper", fx.loader);

            assertEquals(java.util.List.of("fx.fn.Upper$Counter"), locator.nestedClasses(upper));
        }
    }
}
