package io.jdisco.modutil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.modutil.RequiredModule.Kind;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FindModulesTest {
    private final Fixtures fx = Fixtures.get();
    private final ModUtil modutil = ModUtil.standard();

    private Object fn(String factory, Object... args) {
        return fx.call("fx.fn.Jobs", factory, args);
    }

    private static Set<String> sentNames(List<RequiredModule> modules) {
        return modules.stream().filter(RequiredModule::isSent).map(RequiredModule::name)
                .collect(Collectors.toSet());
    }

    private static Optional<RequiredModule> find(List<RequiredModule> modules, String name) {
        return modules.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    @Test
    void lambdaCallingHelperThatCallsThirdShipsAllThreeClasses() {
        List<RequiredModule> modules = modutil.findModules(List.of(fn("chain")));

        assertTrue(sentNames(modules).containsAll(
                Set.of("fx.fn.Jobs", "fx.fn.Helper", "fx.fn.Third", "fx.fn.Fn")), modules::toString);
        RequiredModule third = find(modules, "fx.fn.Third").orElseThrow();
        assertEquals(Kind.CLASS_FILES, third.kind());
        assertEquals(Optional.of(fx.fnClasses), third.location());
    }

    @Test
    void withoutRecursionOnlyDirectlyUsedClassesAreShipped() {
        List<RequiredModule> modules = modutil.findModules(List.of(fn("chain")), true, false,
                List.of());

        Set<String> sent = sentNames(modules);
        assertTrue(sent.contains("fx.fn.Helper"), sent::toString);
        assertFalse(sent.contains("fx.fn.Third"), sent::toString);
    }

    @Test
    void namedFunctionClassShipsItsNestedClass() {
        Object upper = fx.newInstance("fx.fn.Upper");

        Set<String> sent = sentNames(modutil.findModules(List.of(upper)));

        assertEquals(Set.of("fx.fn.Upper", "fx.fn.Upper$Counter", "fx.fn.Fn"), sent);
    }

    @Test
    void classFromJarShipsThatJarOnceAndTheJarsItNeeds() {
        List<RequiredModule> modules = modutil.findModules(List.of(fn("viaJar", "?")));

        List<Path> jars = modules.stream().filter(m -> m.kind() == Kind.JAR)
                .map(m -> m.location().orElseThrow()).toList();
        assertEquals(List.of(fx.greeterJar, fx.paddingJar), jars);
    }

    @Test
    void jdkFunctionObjectShipsNothing() {
        List<RequiredModule> modules = modutil.findModules(List.of(String.CASE_INSENSITIVE_ORDER));

        assertEquals(Set.of(), sentNames(modules));
        assertEquals(Kind.SYSTEM,
                find(modules, "java.lang.String$CaseInsensitiveComparator").orElseThrow().kind());
    }

    @Test
    void namedFunctionUsingOnlyJdkClassesShipsOnlyItself() {
        Object jdkOnly = fx.newInstance("fx.fn.JdkOnly");

        List<RequiredModule> modules = modutil.findModules(List.of(jdkOnly));

        assertEquals(Set.of("fx.fn.JdkOnly", "fx.fn.Fn"), sentNames(modules));
        assertTrue(find(modules, "java.util.stream.Collectors").isPresent());
    }

    @Test
    void excludedClassIsNeitherShippedNorFollowed() {
        List<RequiredModule> modules = modutil.findModules(List.of(fn("chain")), true, true,
                List.of("fx.fn.Third"));

        Set<String> sent = sentNames(modules);
        assertTrue(sent.contains("fx.fn.Helper"), sent::toString);
        assertFalse(sent.contains("fx.fn.Third"), sent::toString);
    }

    @Test
    void excludedPackageDropsItsJarAndWhatOnlyItNeeded() {
        List<RequiredModule> modules = modutil.findModules(List.of(fn("viaJar", "?")), true, true,
                List.of("fx.lib.*"));

        assertTrue(modules.stream().noneMatch(m -> m.kind() == Kind.JAR), modules::toString);
        assertTrue(modules.stream().noneMatch(m -> m.name().startsWith("fx.lib")));
    }

    @Test
    void cycleBetweenClassesIsFollowedOnce() {
        List<RequiredModule> modules = modutil.findModules(List.of(fn("cycle")));

        assertEquals(1, modules.stream().filter(m -> m.name().equals("fx.fn.CycleA")).count());
        assertEquals(1, modules.stream().filter(m -> m.name().equals("fx.fn.CycleB")).count());
    }

    @Test
    void missingClassNamesTheFunctionAndTheClass() throws Exception {
        try (URLClassLoader broken = fx.loaderWithout("fx.fn.Doomed")) {
            Object doomed = broken.loadClass("fx.fn.Jobs").getMethod("usesDoomed").invoke(null);

            ModUtilException e = assertThrows(ModUtilException.class,
                    () -> modutil.findModules(Map.of("map", doomed), true, true, List.of()));

            assertEquals("fx.fn.Doomed", e.missingClass());
            assertTrue(e.getMessage().contains("map (lambda fx.fn.Jobs::lambda$usesDoomed$"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("Could not find class fx.fn.Doomed"), e.getMessage());
        }
    }

    @Test
    void capturedValueClassIsShippedThoughTheCodeNeverNamesIt() {
        Object box = fx.newInstance("fx.fn.Box", "x");

        List<RequiredModule> modules = modutil.findModules(List.of(fn("capturing", box)));

        assertTrue(sentNames(modules).contains("fx.fn.Box"), modules::toString);
    }

    @Test
    void capturedLambdaIsAnalysedLikeTheFunctionItself() {
        Object composed = fx.call("fx.fn.Jobs", "twiceOf", fn("chain"));

        List<String> direct = modutil.parseFunction(composed);

        // Only the captured lambda's body (Jobs.chain's) names Helper.
        assertTrue(direct.contains("fx.fn.Helper"), direct::toString);
        assertTrue(sentNames(modutil.findModules(List.of(composed), true, false, List.of()))
                .contains("fx.fn.Helper"));
    }

    @Test
    void dataObjectsAmongParametersShipTheirClasses() {
        Object box = fx.newInstance("fx.fn.Box", "data");

        List<RequiredModule> modules = modutil.findModules(Map.of("params", List.of("a", box)),
                true, true, List.of());

        assertTrue(sentNames(modules).contains("fx.fn.Box"), modules::toString);
    }

    @Test
    void jobWithoutRequiredModulesGetsTheRecursiveDefault() {
        Map<String, Object> functions = Map.of("map", fn("chain"));

        RequiredModules modules = modutil.requiredModules(null, functions);

        assertEquals(RequiredModules.from(modutil.findModules(functions, true, true, List.of())),
                modules);
        assertTrue(modules.names().contains("fx.fn.Third"));
    }

    @Test
    void jobsOwnRequiredModulesAreUsedAsGiven() {
        RequiredModules modules = modutil.requiredModules(List.of("java.util.List", "a.B"),
                Map.of("map", fn("chain")));

        assertEquals(List.of("java.util.List", "a.B"), modules.names());
    }

    @Test
    void runtimeClassesAreNamedButNotShipped() {
        Object usesRuntime = fx.newInstance("fx.fn.UsesRuntime");

        List<RequiredModule> modules = modutil.findModules(List.of(usesRuntime));

        assertEquals(Kind.RUNTIME, find(modules, "io.jdisco.worker.Tuple").orElseThrow().kind());
        assertTrue(sentNames(modules).contains("fx.fn.Helper"));
    }

    @Test
    void withoutSendingOnlyDirectNamesComeBack() {
        List<RequiredModule> modules = modutil.findModules(List.of(fn("chain")), false, true,
                List.of());

        assertTrue(modules.stream().allMatch(m -> m.kind() == Kind.NAMED));
        List<String> names = modules.stream().map(RequiredModule::name).toList();
        assertTrue(names.contains("fx.fn.Helper"), names::toString);
        assertFalse(names.contains("fx.fn.Third"), names::toString);
    }

    @Test
    void nonSerializableFunctionIsRejectedByName() {
        Object plain = fx.newInstance("fx.fn.NotSerializableFn");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> modutil.findModules(Map.of("reduce", plain), true, true, List.of()));

        assertTrue(e.getMessage().contains("reduce (fx.fn.NotSerializableFn)"), e.getMessage());
    }

    @Test
    void functionsSharingClassesListEachClassOnce() {
        List<RequiredModule> modules = modutil.findModules(List.of(fn("chain"), fn("cycle")));

        assertEquals(modules.size(), Set.copyOf(modules).size(), modules::toString);
    }
}
