package io.jdisco.worker.core.jobhome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class RuntimeClasspathTest {
    @TempDir
    Path tmp;

    private static RuntimeClasspath of(Path... locations) {
        return RuntimeClasspath.ofLocations(new LinkedHashSet<>(List.of(locations)));
    }

    @Test
    void localClassPathNamesTheJarsByAbsolutePathInOrder() throws Exception {
        Path a = Files.write(tmp.resolve("a-1.0.jar"), new byte[] {1});
        Path b = Files.write(tmp.resolve("b.jar"), new byte[] {2});
        assertEquals(Optional.of(a + ":" + b), of(a, b).localClassPath());
    }

    @Test
    void aClassDirectoryGivesNoLocalClassPath() throws Exception {
        Path jar = Files.write(tmp.resolve("a.jar"), new byte[] {1});
        Path classes = Files.createDirectory(tmp.resolve("classes"));
        assertEquals(Optional.empty(), of(jar, classes).localClassPath());
    }

    @Test
    void aPathTheLauncherCannotQuoteGivesNoLocalClassPath() throws Exception {
        Path spaced = Files.write(Files.createDirectory(tmp.resolve("with space")).resolve("a.jar"), new byte[] {1});
        assertEquals(Optional.empty(), of(spaced).localClassPath());
    }

    /** Names JUnit's assertion library as a library its workers need on the node. */
    @RuntimeLibraries("org.junit.jupiter.api.function.Executable")
    static class NeedsALibrary {
    }

    /** Inherits its superclass's libraries. */
    static final class InheritsALibrary extends NeedsALibrary {
    }

    @Test
    void theRuntimeIsWorkerCoresAndItsJsonCoreButNoObjectMapper() {
        assertTrue(RuntimeClasspath.ANCHORS.contains("com.fasterxml.jackson.core.JsonFactory"));
        assertFalse(RuntimeClasspath.ANCHORS.stream().anyMatch(a -> a.startsWith("com.fasterxml.jackson.databind.")),
                () -> "worker-core reads JSON with jackson-core only: " + RuntimeClasspath.ANCHORS);
    }

    @Test
    void aWorkerClassAddsTheLibrariesItNamesAndItsSubclassesToo() {
        ClassLoader loader = getClass().getClassLoader();
        Path junit = RuntimeClasspath.locationOf(Executable.class);
        assertFalse(RuntimeClasspath.of(Object.class, loader).locations().contains(junit));
        assertTrue(RuntimeClasspath.of(NeedsALibrary.class, loader).locations().contains(junit));
        assertTrue(RuntimeClasspath.of(InheritsALibrary.class, loader).locations().contains(junit));
    }
}
