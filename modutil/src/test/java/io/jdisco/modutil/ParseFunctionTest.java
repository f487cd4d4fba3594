package io.jdisco.modutil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParseFunctionTest {
    private final Fixtures fx = Fixtures.get();
    private final ModUtil modutil = ModUtil.standard();

    private List<String> parse(String factory, Object... args) {
        return modutil.parseFunction(fx.call("fx.fn.Jobs", factory, args));
    }

    @Test
    void lambdaListsItsBodysClassesAndNotTheRestOfItsClass() {
        List<String> names = parse("chain");

        assertTrue(names.containsAll(List.of("fx.fn.Helper", "fx.fn.Jobs", "fx.fn.Fn",
                "java.lang.String", "java.lang.invoke.SerializedLambda")), names::toString);
        assertFalse(names.contains("fx.lib.Greeter"), names::toString);
        assertFalse(names.contains("fx.fn.Third"), names::toString);
    }

    @Test
    void lambdaInsideTheBodyCountsAsBody() {
        assertTrue(parse("nested").contains("fx.fn.Third"));
    }

    @Test
    void methodReferenceListsTheReferencedMethodsClasses() {
        List<String> names = parse("methodReference");

        assertTrue(names.containsAll(List.of("fx.fn.Helper", "fx.fn.Third")), names::toString);
    }

    @Test
    void methodReferenceThroughSubclassFindsTheInheritedMethod() {
        List<String> names = parse("inherited");

        // javac names the declaring class (Base) in the method handle, so Base's method body
        // is read; Derived is not needed to run the function.
        assertTrue(names.containsAll(List.of("fx.fn.Base", "fx.fn.Third")), names::toString);
    }

    /** Replaces itself by a lambda form naming a method its class only inherits. */
    static final class HandMadeLambda implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Class<?> capturing;

        HandMadeLambda(Class<?> capturing) {
            this.capturing = capturing;
        }

        private Object writeReplace() {
            String descriptor = "(Ljava/lang/String;)Ljava/lang/String;";
            return new SerializedLambda(capturing, "fx/fn/Fn", "apply", descriptor,
                    MethodHandleInfo.REF_invokeStatic, "fx/fn/Derived", "hi", descriptor,
                    descriptor, new Object[0]);
        }
    }

    @Test
    void lambdaNamingAnInheritedMethodFallsBackToItsWholeClass() throws Exception {
        Object lambda = new HandMadeLambda(fx.loader.loadClass("fx.fn.Jobs"));

        List<String> names = modutil.parseFunction(lambda);

        assertTrue(names.containsAll(List.of("fx.fn.Derived", "fx.fn.Base")), names::toString);
    }

    @Test
    void capturedValuesClassIsListed() {
        assertTrue(parse("capturing", fx.newInstance("fx.fn.Box", "b")).contains("fx.fn.Box"));
    }

    @Test
    void namedClassListsWhatTheWholeClassUses() {
        List<String> names = modutil.parseFunction(fx.newInstance("fx.fn.Upper"));

        assertTrue(names.containsAll(List.of("fx.fn.Upper", "fx.fn.Upper$Counter",
                "java.util.Locale")), names::toString);
    }

    @Test
    void namesAreSortedWithoutDuplicates() {
        List<String> names = parse("viaJar", "!");

        assertEquals(names.stream().sorted().distinct().toList(), names);
    }
}
