package io.jdisco.modutil.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.modutil.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Class files using Java 17 features: sealed types, records, switch expressions. */
class ModernClassFileTest {
    @TempDir
    static Path temp;

    private static Path classes;

    @BeforeAll
    static void compile() throws IOException {
        classes = Fixtures.compile(temp.resolve("modern"), List.of(), 17,
                Fixtures.SOURCES.resolve("modern"));
    }

    private static References references(String name) throws IOException {
        Path file = classes.resolve(name.replace('.', '/') + ".class");
        return ClassFileReader.read(Files.readAllBytes(file), file.toString()).references();
    }

    @Test
    void sealedInterfaceRequiresItsPermittedSubclasses() throws IOException {
        References refs = references("fx.modern.Shape");

        assertTrue(refs.required().containsAll(List.of("fx.modern.Circle", "fx.modern.Square")),
                refs.required()::toString);
    }

    @Test
    void recordRequiresItsComponentTypesAndRecordBootstrap() throws IOException {
        References refs = references("fx.modern.Circle");

        assertTrue(refs.required().containsAll(List.of("fx.modern.Part", "java.lang.Record",
                "java.lang.runtime.ObjectMethods")), refs.required()::toString);
    }
}
