package io.jdisco.modutil.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExclusionsTest {
    @Test
    void classEntryExcludesTheClassAndItsNestedClasses() {
        Exclusions exclude = Exclusions.of(List.of("a.b.C"));

        assertTrue(exclude.test("a.b.C"));
        assertTrue(exclude.test("a.b.C$Inner"));
        assertFalse(exclude.test("a.b.Cx"));
    }

    @Test
    void packageEntryExcludesItsClassesAndSubpackages() {
        Exclusions exclude = Exclusions.of(List.of("a.b"));

        assertTrue(exclude.test("a.b.C"));
        assertTrue(exclude.test("a.b.sub.D"));
        assertFalse(exclude.test("a.bc.D"));
    }

    @Test
    void starSuffixMeansThePackage() {
        assertTrue(Exclusions.of(List.of("a.b.*")).test("a.b.C"));
    }

    @Test
    void emptyEntryIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Exclusions.of(List.of(" ")));
    }
}
