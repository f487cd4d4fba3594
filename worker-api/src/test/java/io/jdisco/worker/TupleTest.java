package io.jdisco.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TupleTest {
    @Test
    void pairNamesKeyAndValue() {
        Tuple t = Tuple.pair("k", 1L);
        assertTrue(t.isPair());
        assertEquals("k", t.key());
        assertEquals(1L, t.value());
    }

    @Test
    void holdsNullAsPythonNone() {
        Tuple t = Tuple.pair("line", null);
        assertNull(t.value());
        assertEquals("('line', None)", t.toString());
    }

    @Test
    void isUnmodifiable() {
        Tuple t = Tuple.of(1, 2);
        assertThrows(UnsupportedOperationException.class, () -> t.set(0, 3));
        assertThrows(UnsupportedOperationException.class, () -> t.add(3));
    }

    @Test
    void copiesTheArraySoCallersCannotMutateIt() {
        Object[] items = {"a", "b"};
        Tuple t = Tuple.of(items);
        items[0] = "z";
        assertEquals("a", t.get(0));
    }

    @Test
    void equalsAListWithTheSameElements() {
        assertEquals(List.of("a", 1L), Tuple.of("a", 1L));
        assertEquals(Tuple.of("a", 1L).hashCode(), List.of("a", 1L).hashCode());
    }

    @Test
    void copyOfKeepsIterationOrder() {
        List<Object> l = new ArrayList<>(List.of(3, 1, 2));
        assertEquals(Tuple.of(3, 1, 2), Tuple.copyOf(l));
        assertEquals(Tuple.EMPTY, Tuple.copyOf(List.of()));
    }

    @Test
    void rendersOneElementTupleWithTrailingComma() {
        assertEquals("(1,)", Tuple.of(1).toString());
        assertFalse(Tuple.of(1).isPair());
    }
}
