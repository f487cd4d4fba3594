package io.jdisco.modutil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocateModulesTest {
    private final Fixtures fx = Fixtures.get();
    private final ModUtil modutil = ModUtil.standard();

    @Test
    void jarClassWithRecursionFindsTheJarsItNeeds() {
        List<RequiredModule> modules = modutil.locateModules(List.of("fx.lib.Greeter"), fx.loader,
                true, false);

        assertEquals(List.of(RequiredModule.jar("fx.lib.Greeter", fx.greeterJar),
                RequiredModule.jar("fx.dep.Padding", fx.paddingJar)), modules);
    }

    @Test
    void withoutRecursionOnlyTheNamedClassesAreLocated() {
        List<RequiredModule> modules = modutil.locateModules(List.of("fx.fn.Helper"), fx.loader,
                false, false);

        assertEquals(List.of(RequiredModule.classFiles("fx.fn.Helper", fx.fnClasses)), modules);
    }

    @Test
    void systemClassesAppearOnlyWhenAskedFor() {
        assertEquals(List.of(), modutil.locateModules(List.of("java.util.List"), fx.loader, true,
                false));
        assertEquals(List.of(RequiredModule.system("java.util.List")),
                modutil.locateModules(List.of("java.util.List"), fx.loader, true, true));
    }

    @Test
    void unknownClassIsAnError() {
        ModUtilException e = assertThrows(ModUtilException.class,
                () -> modutil.locateModules(List.of("fx.fn.Typo"), fx.loader, true, false));

        assertEquals("fx.fn.Typo", e.missingClass());
    }

    @Test
    void classOnTheClassPathIsFoundThroughTheContextLoader() {
        List<RequiredModule> modules = ModUtil.with(RuntimeClasses.none())
                .locateModules(List.of(LocateModulesTest.class.getName()), false, false);

        assertEquals(RequiredModule.Kind.CLASS_FILES, modules.get(0).kind());
        assertTrue(modules.get(0).location().orElseThrow().endsWith("test-classes"),
                modules::toString);
    }
}
