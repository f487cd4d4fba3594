package io.jdisco.modutil.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignaturesTest {
    private static List<String> classes(String signature) {
        List<String> out = new ArrayList<>();
        Signatures.classesIn(signature, out::add);
        return out;
    }

    @Test
    void fieldDescriptorNamesItsClass() {
        assertEquals(List.of("a.b.C"), classes("La/b/C;"));
    }

    @Test
    void arrayAndPrimitiveDescriptorsNameOnlyTheElementClass() {
        assertEquals(List.of("a.B"), classes("[[La/B;"));
        assertEquals(List.of(), classes("[I"));
    }

    @Test
    void methodDescriptorNamesParametersAndResult() {
        assertEquals(List.of("a.X", "a.Y"), classes("(I[La/X;J)La/Y;"));
    }

    @Test
    void genericArgumentsAndInnerClassesAreNamed() {
        assertEquals(List.of("x.Arg", "x.Outer", "x.Deep", "x.Outer$Inner"),
                classes("Lx/Outer<Lx/Arg;>.Inner<+Lx/Deep;>;"));
    }

    @Test
    void typeParametersAndVariablesAreNotClasses() {
        assertEquals(List.of("java.lang.Object", "q.Bound", "q.Super"),
                classes("<L:Ljava/lang/Object;T::Lq/Bound;>Lq/Super;"));
    }

    @Test
    void methodSignatureNamesThrownClasses() {
        assertEquals(List.of("java.lang.Object", "java.util.List", "e.Bad"),
                classes("<T:Ljava/lang/Object;>(Ljava/util/List<*>;TT;)V^Le/Bad;^TT;"));
    }

    @Test
    void malformedSignatureIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> classes("La/b/C"));
        assertThrows(IllegalArgumentException.class, () -> classes("Q"));
    }
}
