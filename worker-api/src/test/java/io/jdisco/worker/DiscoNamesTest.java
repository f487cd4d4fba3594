package io.jdisco.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DiscoNamesTest {
    @Test
    void hexhashIsFirstMd5ByteInHex() {
        assertEquals("97", DiscoNames.hexhash("WordCount@5a2:1b3c4:9d2e1"));
    }

    @Test
    void safeReplacesEverythingOutsideTheAllowedSet() {
        assertEquals("a_b-c@d:e_f", DiscoNames.safe("a/b-c@d:e.f"));
    }

    @Test
    void isSafeRejectsEmptyAndSlashes() {
        assertFalse(DiscoNames.isSafe(""));
        assertFalse(DiscoNames.isSafe("a/b"));
        assertTrue(DiscoNames.isSafe("profile-map:0"));
    }
}
