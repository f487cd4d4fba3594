package io.jdisco.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ParamsTest {
    interface SerializableFunction extends Function<String, String>, Serializable {
    }

    @Test
    void deepCopyGivesEachTaskItsOwnState() {
        ArrayList<String> seen = new ArrayList<>();
        Params original = Params.of("seen", seen);
        Params copy = original.deepCopy();
        copy.get("seen", ArrayList.class).add("x");
        assertTrue(seen.isEmpty(), "the original is untouched");
        assertNotSame(original.get("seen"), copy.get("seen"));
    }

    @Test
    void carriesFunctions() {
        SerializableFunction shout = s -> s.toUpperCase();
        Params p = Params.of("f", shout).deepCopy();
        assertEquals("HI", p.get("f", SerializableFunction.class).apply("hi"));
    }

    @Test
    void missingKeyErrorListsTheKeysThatExist() {
        Params p = Params.of("alpha", 1, "beta", 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.get("gamma"));
        assertTrue(e.getMessage().contains("gamma") && e.getMessage().contains("[alpha, beta]"), e.getMessage());
    }

    @Test
    void wrongTypeErrorNamesBothTypes() {
        Params p = Params.of("n", 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.get("n", String.class));
        assertTrue(e.getMessage().contains("java.lang.Integer") && e.getMessage().contains("java.lang.String"),
                e.getMessage());
    }

    @Test
    void nullValuesAreSetValues() {
        Params p = new Params().put("none", null);
        assertTrue(p.contains("none"));
        assertEquals("fallback", new Params().getOrDefault("none", String.class, "fallback"));
        assertEquals(null, p.getOrDefault("none", String.class, "fallback"));
    }

    @Test
    void unserializableValueIsNamedOnCopy() {
        Params p = new Params().put("ok", 1).put("bad", new Holder(new Object()));
        IllegalStateException e = assertThrows(IllegalStateException.class, p::deepCopy);
        assertTrue(e.getMessage().contains("'bad'"), e.getMessage());
        assertFalse(e.getMessage().contains("'ok'"), e.getMessage());
    }

    static final class Holder implements Serializable {
        private final Object inner;

        Holder(Object inner) {
            this.inner = inner;
        }

        @Override
        public String toString() {
            return "Holder" + inner;
        }
    }

    @Test
    void keysOfACopyAreTheInternedStrings() {
        Params p = Params.of(new String("key_bytes".toCharArray()), 10);
        Params copy = p.deepCopy();
        assertSame("key_bytes", copy.keys().iterator().next());
        assertSame("key_bytes", p.keys().iterator().next());
        assertEquals(p, copy);
    }
}
