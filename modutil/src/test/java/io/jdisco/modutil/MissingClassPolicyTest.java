package io.jdisco.modutil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a missing class is an error: required by a function or by the user's class-directory
 * code, yes; only in metadata (annotations, signatures) or required by a shipped jar's classes
 * (libraries reference optional dependencies), no.
 */
class MissingClassPolicyTest {
    private final Fixtures fx = Fixtures.get();
    private final ModUtil modutil = ModUtil.standard();

    @TempDir
    Path temp;

    @Test
    void classMissingBehindUserCodeIsAnErrorNamingTheReferrer() throws Exception {
        try (URLClassLoader broken = fx.loaderWithout("fx.fn.Doomed")) {
            Object chain = broken.loadClass("fx.fn.Jobs").getMethod("chain").invoke(null);

            ModUtilException e = assertThrows(ModUtilException.class,
                    () -> modutil.findModules(Map.of("map", chain), true, true, List.of()));

            assertEquals("fx.fn.Doomed", e.missingClass());
            assertTrue(e.getMessage().contains("(referenced by fx.fn.Jobs)"), e.getMessage());
        }
    }

    @Test
    void excludingTheMissingClassLetsTheAnalysisThrough() throws Exception {
        try (URLClassLoader broken = fx.loaderWithout("fx.fn.Doomed")) {
            Object chain = broken.loadClass("fx.fn.Jobs").getMethod("chain").invoke(null);

            List<RequiredModule> modules = modutil.findModules(Map.of("map", chain), true, true,
                    List.of("fx.fn.Doomed"));

            assertTrue(modules.stream().anyMatch(m -> m.name().equals("fx.fn.Helper")));
        }
    }

    @Test
    void classMissingBehindAJarIsSkipped() throws Exception {
        try (URLClassLoader withoutPadding = Fixtures.loaderOver(fx.greeterJar)) {
            List<RequiredModule> modules = modutil.locateModules(List.of("fx.lib.Greeter"),
                    withoutPadding, true, false);

            assertEquals(List.of(RequiredModule.jar("fx.lib.Greeter", fx.greeterJar)), modules);
        }
    }

    @Test
    void classMissingFromMetadataOnlyIsSkipped() throws Exception {
        Path classes = Fixtures.compile(temp.resolve("ver"), List.of(), 17,
                Fixtures.SOURCES.resolve("ver"));
        Files.delete(classes.resolve("fx/ver/Tag.class"));
        Files.delete(classes.resolve("fx/ver/OnlyInSignature.class"));
        Files.delete(classes.resolve("fx/ver/AnnotationArgument.class"));

        try (URLClassLoader loader = Fixtures.loaderOver(classes)) {
            List<String> names = modutil.locateModules(List.of("fx.ver.Versioned"), loader, true,
                    false).stream().map(RequiredModule::name).toList();

            assertTrue(names.contains("fx.ver.Versioned$Target"), names::toString);
            assertFalse(names.contains("fx.ver.Tag"), names::toString);
        }
    }

    @Test
    void metadataClassThatExistsIsShipped() throws Exception {
        Path classes = Fixtures.compile(temp.resolve("ver"), List.of(), 17,
                Fixtures.SOURCES.resolve("ver"));

        try (URLClassLoader loader = Fixtures.loaderOver(classes)) {
            List<String> names = modutil.locateModules(List.of("fx.ver.Versioned"), loader, true,
                    false).stream().map(RequiredModule::name).toList();

            assertTrue(names.containsAll(List.of("fx.ver.Tag", "fx.ver.OnlyInSignature",
                    "fx.ver.AnnotationArgument")), names::toString);
        }
    }
}
