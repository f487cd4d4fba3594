package io.jdisco.modutil.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.modutil.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One Java 8 source compiled with --release 8 … 17: class-file versions 52 … 61. */
class ClassFileVersionsTest {
    private static final String V = "fx.ver.Versioned";
    private static final Map<Integer, Path> OUTPUT = new HashMap<>();

    @TempDir
    static Path temp;

    @BeforeAll
    static void compileEveryRelease() throws IOException {
        for (int release = 8; release <= 17; release++) {
            OUTPUT.put(release, Fixtures.compile(temp.resolve("release-" + release), List.of(),
                    release, Fixtures.SOURCES.resolve("ver")));
        }
    }

    private static ClassFile read(int release, String className) throws IOException {
        Path file = OUTPUT.get(release).resolve(className.replace('.', '/') + ".class");
        return ClassFileReader.read(Files.readAllBytes(file), file.toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 9, 10, 11, 12, 13, 14, 15, 16, 17})
    void majorVersionIsReleasePlus44(int release) throws IOException {
        assertEquals(44 + release, read(release, V).majorVersion());
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 9, 10, 11, 12, 13, 14, 15, 16, 17})
    void codeReferencesAreRequired(int release) throws IOException {
        References refs = read(release, V).references();

        assertTrue(refs.required().containsAll(List.of(V + "$Elem", V + "$Oops", V + "$Checked",
                V + "$Target", "java.util.concurrent.Callable", "java.util.ArrayList",
                "java.lang.invoke.LambdaMetafactory")), refs.required()::toString);
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 9, 10, 11, 12, 13, 14, 15, 16, 17})
    void metadataOnlyReferencesAreOptional(int release) throws IOException {
        References refs = read(release, V).references();

        assertTrue(refs.optional().containsAll(List.of("fx.ver.OnlyInSignature", "fx.ver.Tag",
                "fx.ver.AnnotationArgument")), refs.optional()::toString);
        assertFalse(refs.required().contains("fx.ver.OnlyInSignature"));
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 9, 10, 11, 12, 13, 14, 15, 16, 17})
    void typeParameterNamedLIsNotAClass(int release) throws IOException {
        References refs = read(release, V).references();

        assertFalse(refs.required().contains("L") || refs.optional().contains("L"));
        assertTrue(refs.optional().contains("java.lang.Comparable"), refs.optional()::toString);
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 9, 10, 11, 12, 13, 14, 15, 16, 17})
    void lambdaBodyThroughSwitchesReachesOnlyItsTarget(int release) throws IOException {
        ClassFile file = read(release, V);

        References work = file.methodClosure("work", "(Ljava/lang/Object;I)I");

        // work's code has a tableswitch and a lookupswitch to walk, and its lambda's body
        // (reached through the invokedynamic bootstrap arguments) calls Target.
        assertTrue(work.required().containsAll(List.of(V + "$Target", V + "$Elem", V + "$Oops")),
                work.required()::toString);
        assertFalse(work.required().contains("java.util.ArrayList"), work.required()::toString);
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 17})
    void nestedClassNamesItsNestHost(int release) throws IOException {
        assertTrue(read(release, V + "$Elem").references().required().contains(V));
    }
}
