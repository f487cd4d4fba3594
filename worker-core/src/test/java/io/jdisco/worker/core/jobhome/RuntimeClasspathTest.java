package io.jdisco.worker.core.jobhome;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
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
}
