package io.jdisco.worker.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdisco.worker.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyGroupsTest {
    private static List<Tuple> pairs(Object... kv) {
        List<Tuple> l = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) {
            l.add(Tuple.pair(kv[i], kv[i + 1]));
        }
        return l;
    }

    @Test
    void groupsConsecutiveEqualKeys() {
        List<String> seen = new ArrayList<>();
        for (KeyGroups.Group g : KeyGroups.of(pairs("a", 1, "a", 2, "b", 3, "a", 4))) {
            List<Object> vs = new ArrayList<>();
            g.values().forEach(vs::add);
            seen.add(g.key() + "=" + vs);
        }
        assertEquals(List.of("a=[1, 2]", "b=[3]", "a=[4]"), seen);
    }

    @Test
    void skipsUnreadValuesWhenMovingOn() {
        List<Object> keys = new ArrayList<>();
        for (KeyGroups.Group g : KeyGroups.of(pairs("a", 1, "a", 2, "b", 3))) {
            keys.add(g.key());
        }
        assertEquals(List.of("a", "b"), keys);
    }

    @Test
    void emptyInputHasNoGroups() {
        assertEquals(false, KeyGroups.of(List.<Tuple>of()).iterator().hasNext());
    }

    @Test
    void secondIterationThrows() {
        KeyGroups g = KeyGroups.of(pairs("a", 1));
        g.iterator();
        assertThrows(IllegalStateException.class, g::iterator);
    }

    @Test
    void nullKeysGroupTogether() {
        List<Object> keys = new ArrayList<>();
        for (KeyGroups.Group g : KeyGroups.of(pairs(null, 1, null, 2, "x", 3))) {
            keys.add(g.key());
        }
        assertEquals(java.util.Arrays.asList(null, "x"), keys);
    }
}
